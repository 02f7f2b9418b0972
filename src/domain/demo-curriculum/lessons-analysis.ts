import type { DemoLesson } from './types.js';

/** Analysts: research summaries, due diligence, interviews, surveys, models and board papers. */
export const analysisLessons: readonly DemoLesson[] = [
  {
    id: 'analysis-w1-frame-the-research-request',
    jobFamilyId: 'analysis',
    week: 1,
    title: 'Give the assistant a role, the request and a format',
    minutes: 4,
    taskId: 'ri-research-summary',
    promptId: 'p-research-question-framing',
    scenario:
      "A consultant messages you at four on Monday: 'Can you get me something on EV charging in the UK by Thursday? It's for the Calder pitch.' In the past you would have started searching straight away and found out on Wednesday that they meant depot charging for lorry fleets, not public chargers. Before you search anything, you want a research plan. If you ask the assistant 'tell me about UK EV charging', it will write a fluent essay from its training data, unsourced and possibly out of date, that answers nobody's actual question. A good prompt tells it who it is (a senior research analyst), gives it the context (the exact request, the pitch and the deadline) and asks for a specific output (sub-questions, source types and clarifying questions).",
    tryIt:
      "Open 'Sharpen a research request before searching'. Paste the consultant's message word for word into request and add one line of context: Calder is a freight operator. Set deadline to 'Thursday midday'. Notice how the prompt gives the role in its first line and the output as five numbered steps. In the answer, read the three clarifying questions: would each answer change what you search for? If not, the question is not worth sending. Send the useful ones to the consultant before you open a single database.",
    check: {
      question:
        'Why does the prompt tell the assistant not to answer the research question itself?',
      options: [
        {
          id: 'a',
          text: 'Because answering would take the assistant too long.',
          correct: false,
          feedback:
            'Speed is not the issue: it would answer in seconds. The problem is what the answer would be built on, and that you do not yet know what is being asked.',
        },
        {
          id: 'b',
          text: 'Because an answer now would come from training data with no sources, before you know what is being asked.',
          correct: true,
          feedback:
            'Right. At this stage any answer is unsourced and aimed at a question nobody has confirmed. The plan gets the question right first; the evidence comes from sources you find and can cite.',
        },
        {
          id: 'c',
          text: 'Because the assistant is not allowed to discuss electric vehicles.',
          correct: false,
          feedback:
            'There is no topic restriction here. The instruction is about the order of work: frame the question, then gather evidence, then answer.',
        },
        {
          id: 'd',
          text: 'Because clarifying questions are more polite to the consultant.',
          correct: false,
          feedback:
            'Courtesy is a bonus, not the reason. Clarifying questions matter because their answers change what you search for and save you a day of rework.',
        },
      ],
    },
    reflection:
      'Think of a research request you answered and then had to redo. Which clarifying question would have saved the rework?',
    status: 'published',
  },
  {
    id: 'analysis-w2-verify-red-flags',
    jobFamilyId: 'analysis',
    week: 2,
    title: 'Check every clause and number the assistant cites',
    minutes: 5,
    taskId: 'fa-due-diligence-review',
    promptId: 'p-dd-red-flags',
    scenario:
      "You are on a financial due diligence for a private equity buyer looking at a facilities management company. Exclusivity ends in nine days and the data room holds 640 documents. You run the red-flags prompt on the target's largest customer contract, 38 pages long. The assistant reports a change of control clause 'at clause 14.2, allowing the customer to terminate on 30 days' notice' and says the contract is worth '£2.4m a year'. Both would matter to the buyer. But assistants can misread a clause, merge two clauses into one, or give a reference that looks right and is not. A figure may also have been calculated rather than quoted: the contract may say £200,000 a month for an initial term of 18 months.",
    tryIt:
      "Run 'Data room document review: red flags and questions' on one contract, pasting the full text into documentText. For each red flag, open the document at the clause given and read it yourself: does it say what the assistant says, and does the quoted text match word for word? For each number, find it in the document; if it was calculated (monthly to annual, say), redo the sum. Anything you cannot find becomes a question for management, not a finding. Check that the last page of the contract made it into what you pasted.",
    check: {
      question:
        "The assistant cites clause 14.2 for the change of control right. Clause 14.2 is about insurance; the real wording is in 19.1 and requires the customer's consent, not notice. What does this tell you?",
      options: [
        {
          id: 'a',
          text: 'The assistant is no use for due diligence and you should stop using it.',
          correct: false,
          feedback:
            'It did find that a change of control provision exists, which is valuable in a 38-page contract. It got the reference and the meaning wrong, which is exactly why a person verifies every finding.',
        },
        {
          id: 'b',
          text: 'Correct the reference to 19.1 and leave the description; the substance is close enough.',
          correct: false,
          feedback:
            "Consent and termination on notice are different risks for the buyer. The substance was wrong, not just the number, so the finding must be rewritten from the clause's actual words.",
        },
        {
          id: 'c',
          text: 'Rewrite the finding from clause 19.1 and check every other reference in this review the same way.',
          correct: true,
          feedback:
            'Right. One wrong reference means the others are unverified too. Rewrite from the source text and read each cited clause before anything goes into the findings report.',
        },
        {
          id: 'd',
          text: 'Ask the assistant to confirm the finding is correct before you use it.',
          correct: false,
          feedback:
            'Asking again gets you another confident answer, not evidence. Only reading the clause in the document confirms what it says.',
        },
      ],
    },
    reflection:
      'Which numbers in your current work are calculated from source figures rather than quoted, and how do you show the reviewer the working?',
    status: 'published',
  },
  {
    id: 'analysis-w3-anonymise-interview-notes',
    jobFamilyId: 'analysis',
    week: 3,
    title: 'Strip identities from interview notes before synthesis',
    minutes: 5,
    taskId: 'ri-interview-synthesis',
    promptId: 'p-interview-synthesis',
    scenario:
      "You have notes from sixteen expert and customer calls for a market study on specialist insurance software. The notes include the interviewees' names and employers, a former employee's description of his old company's pricing, and a customer's remarks about a dispute with their current supplier. The synthesis goes to the engagement team and some quotes will appear on slides for the client. Two things need protecting: the interviewees, who spoke on the understanding that they would not be named, and the confidential information some of them shared. 'Interview synthesis: themes, counts and quotes' asks for notes labelled with an interview code rather than a name, and that is where to start.",
    tryIt:
      "Before pasting, replace each name with a code (E01 to E16) and keep the key in a separate file that only the team can open. Remove employer names where the view stands without them, and delete the former employee's pricing details: they may be his old employer's confidential information, so raise them with your manager instead. Use the firm's approved assistant with your Northwind account and run the prompt. In the answer, test every quote: could a reader at the client work out who said it from the job title, region and company size together? If so, generalise it.",
    check: {
      question:
        "A quote begins: 'As Head of Underwriting at the biggest marine insurer in Aberdeen, I ...'. The name has been removed. Is it safe for a client slide?",
      options: [
        {
          id: 'a',
          text: 'Yes: there is no name, so nobody can be identified.',
          correct: false,
          feedback:
            'A role plus a unique detail identifies someone as surely as a name. Anonymising means removing the combination of details that points to one person, not only the name.',
        },
        {
          id: 'b',
          text: "Yes, as long as the slide is marked 'Confidential'.",
          correct: false,
          feedback:
            "The marking limits who should see the slide, but the client team can still read it. It does nothing for the interviewee's anonymity.",
        },
        {
          id: 'c',
          text: "No: generalise it, for example 'a senior underwriter at a specialist insurer', and check the rest of the quote.",
          correct: true,
          feedback:
            'Right. The point of the quote survives and the person cannot be picked out. Check the rest of the sentence too: a product name or a date can give someone away just as easily.',
        },
        {
          id: 'd',
          text: 'No: interview quotes should never be used on client slides.',
          correct: false,
          feedback:
            'Anonymised quotes are standard, valuable evidence. The rule is to make them non-identifying, not to drop them.',
        },
      ],
    },
    reflection:
      'Where do the names and confidential details from your interviews end up today: notes, shared folders, slides? Which of those places needs cleaning up?',
    status: 'published',
  },
  {
    id: 'analysis-w4-refine-the-coding-frame',
    jobFamilyId: 'analysis',
    week: 4,
    title: 'Refine a coding frame in rounds',
    minutes: 5,
    taskId: 'ri-survey-analysis',
    promptId: 'p-open-text-coding',
    scenario:
      "A survey of 2,300 small business customers for a bank client asked: 'What is the main reason you might move your business account?' You have a sample of 200 answers. The assistant's first coding frame has nine codes, but 'Cost' takes 41% and lumps together monthly fees, transaction charges and 'poor value for money'; 'Service' mixes branch closures with slow online support; and 'Other' holds 18%. A first frame is a first draft, just as yours would be. The work now is to refine it with precise instructions, one round at a time, until it is a frame you would defend in front of the client.",
    tryIt:
      "Run 'Coding frame for open-text survey answers' with the question and your sample. Then refine in the same conversation, one instruction per round: 'Split Cost into fees, transaction charges and value for money, with definitions.' Next: 'List the answers coded Other and propose codes for any group of five or more.' After each round, pick ten answers at random and code them yourself before looking; compare with the assistant's codes. If you disagree on more than two, tighten the definitions first. Stop when Other is under 10% and no codes overlap.",
    check: {
      question:
        "After round one, 'Other' holds 18% of answers. What is the most useful next instruction?",
      options: [
        {
          id: 'a',
          text: "'Reduce Other to under 10%.'",
          correct: false,
          feedback:
            'A target without a method invites the assistant to force answers into codes that do not fit. Other shrinks, but the frame gets worse and the real theme stays hidden.',
        },
        {
          id: 'b',
          text: "'Use fewer codes so the frame is simpler.'",
          correct: false,
          feedback:
            'Fewer codes push more answers into broad codes and into Other. The problem is coverage, not the number of codes.',
        },
        {
          id: 'c',
          text: 'Accept it: 18% Other is normal for open-text questions.',
          correct: false,
          feedback:
            'It might be, but you cannot know until you look. A large Other often hides a theme the client cares about, such as a competitor offer nobody expected.',
        },
        {
          id: 'd',
          text: "'List the answers coded Other and propose new codes for any group of five or more similar answers.'",
          correct: true,
          feedback:
            'Right. It tells the assistant how to improve the frame, shows you the evidence, and keeps you in charge of which new codes are real.',
        },
      ],
    },
    reflection:
      'How do you decide a coding frame, model or summary is good enough to stop refining? Write down the test you would use.',
    status: 'published',
  },
  {
    id: 'analysis-w5-fill-the-assumptions-log',
    jobFamilyId: 'analysis',
    week: 5,
    title: 'Fill template variables with the real inputs',
    minutes: 4,
    taskId: 'fa-financial-model',
    promptId: 'p-model-assumptions-log',
    scenario:
      "You have built a cash-flow model for a client deciding whether to open a second manufacturing line. The manager wants the assumptions documented before the model goes to review on Friday, and the firm's modelling standard says every assumption needs a source. The library template 'Financial model assumptions log' has three variables: modelPurpose, assumptions and sourceNotes. sourceNotes has a default, 'no notes provided', so that the prompt still runs without it; the catch is that every source then comes back as [SOURCE MISSING]. The quality of the log depends on what goes into each variable, not on the instruction text, which is the same for everyone.",
    tryIt:
      "Fill modelPurpose with the decision the model supports, in one sentence. Export the inputs sheet as label, value and cell, and paste it into assumptions. In sourceNotes, paste your working notes, for example: 'Volume growth 4%: client sales plan, 12 March email; energy £0.21/kWh: supplier quote.' Do not leave the default. In the answer, check that no value has changed (compare three at random with the model), that every source traces back to your notes, and that the high-sensitivity ratings match what you saw when you flexed the model.",
    check: {
      question: "You leave sourceNotes at its default, 'no notes provided'. What will happen?",
      options: [
        {
          id: 'a',
          text: 'The log will mark the sources as [SOURCE MISSING], and the review will send it back.',
          correct: true,
          feedback:
            'Right. The prompt does what it says and refuses to invent sources, so the log is complete in form and empty where it matters. The sources have to come from you.',
        },
        {
          id: 'b',
          text: 'The assistant will find the sources itself from public data.',
          correct: false,
          feedback:
            'It is not searching anything, and the prompt tells it not to supply benchmarks from memory. Your notes are the only place the sources can come from.',
        },
        {
          id: 'c',
          text: 'The prompt will refuse to run until the field is filled in.',
          correct: false,
          feedback:
            'The default exists precisely so that it runs. That is what makes an unfilled variable easy to miss: the answer arrives and looks finished.',
        },
        {
          id: 'd',
          text: 'Nothing changes: sourceNotes is optional, so it does not affect the output.',
          correct: false,
          feedback:
            "Optional only means the prompt runs without it. The variable decides whether the log's source column is useful or blank.",
        },
      ],
    },
    reflection:
      'Which library template do you use where you usually leave a variable at its default, and what would the answer gain if you filled it in?',
    status: 'published',
  },
  {
    id: 'analysis-w6-balance-the-competitor-profile',
    jobFamilyId: 'analysis',
    week: 6,
    title: 'Spot one-sided sources and loaded wording',
    minutes: 5,
    taskId: 'ri-competitor-profile',
    promptId: 'p-competitor-profile',
    scenario:
      "A client that sells industrial cleaning supplies has asked for a profile of a fast-growing competitor. Most of the material you gathered comes from the competitor itself: three press releases, its website and an interview its chief executive gave to a trade magazine, plus twelve of its job adverts. The assistant's profile reads as if the competitor is winning everywhere: 'market-leading', 'rapidly expanding across Europe', and an implications section telling your client it is 'falling behind'. The source mix explains most of this. A company's own press releases are written to impress; the assistant repeats their words, and the conclusion follows the words rather than the evidence.",
    tryIt:
      "Run 'Competitor profile with implications for the client' with your material, each item dated and labelled with its source type. In the answer, mark every claim that comes only from the competitor's own material, and check that claims drawn from job adverts carry [INFERRED]. Replace adjectives such as 'market-leading' with the fact behind them, or remove them. Then ask in the same conversation: 'Which of these claims would need an independent source to confirm?' Finally, check each implication for your client rests on a fact, not on the competitor's marketing.",
    check: {
      question:
        "The profile says the competitor is 'rapidly expanding across Europe'. Your evidence is one press release and four job adverts in Germany. What do you write?",
      options: [
        {
          id: 'a',
          text: "Keep 'rapidly expanding across Europe': the press release says so.",
          correct: false,
          feedback:
            "A company's claim about itself is marketing. Restating it as fact in your profile lends it your firm's authority, and your client may act on it.",
        },
        {
          id: 'b',
          text: "'The company says it plans to expand in Europe; four German job adverts since March suggest it is starting in Germany [INFERRED].'",
          correct: true,
          feedback:
            'Right. It attributes the claim to its source, states the independent evidence precisely, and marks the inference as an inference. Your client can weigh it properly.',
        },
        {
          id: 'c',
          text: 'Drop the point: press releases cannot be trusted.',
          correct: false,
          feedback:
            'That goes too far. A press release is good evidence of what a company says it intends; attribute it rather than deleting it, and your client still learns something useful.',
        },
        {
          id: 'd',
          text: "'The company is expanding aggressively and is a serious threat.'",
          correct: false,
          feedback:
            'This adds loaded wording and a conclusion the evidence does not support. Tone like this pushes a client towards decisions the facts do not justify.',
        },
      ],
    },
    reflection:
      'In your latest piece of research, whose voice dominates the sources, and how would the conclusion change if that voice were removed?',
    status: 'published',
  },
  {
    id: 'analysis-w7-draft-then-cross-check',
    jobFamilyId: 'analysis',
    week: 7,
    title: 'Draft a board paper, then cross-check its figures',
    minutes: 5,
    taskId: 'fa-board-paper',
    promptId: 'p-board-paper-transaction',
    scenario:
      "Your client, a regional building materials group, will ask its board to approve buying a smaller competitor. The partner has agreed the decision sought; your job is the financial impact section and a first draft of the paper from the model outputs. The last paper on this deal went out quoting an earnings figure from model version 6 while its tables came from version 8. This time you will work in two steps: draft the paper from the inputs with 'Board paper on a proposed transaction', then check every figure in the draft with 'Cross-check figures in a board paper' against the same model tables. The second step only works if it checks against the source tables, never against the draft itself.",
    tryIt:
      "Step 1: paste the decision sought, the rationale notes and the current model output tables (labelled with the model version) into inputs. Check the draft for [FIGURE REQUIRED] markers and fill them from the model, not from memory. Step 2: paste the draft into paperText of 'Cross-check figures in a board paper' and the same model tables into sourceTables. Fix every row marked as differing or not found. Finally, redo the cross-check's arithmetic on one percentage yourself, so that you know the check itself is sound.",
    check: {
      question: 'For step 2, what should you paste into sourceTables?',
      options: [
        {
          id: 'a',
          text: 'The draft paper from step 1 again, so the assistant can compare it with itself.',
          correct: false,
          feedback:
            'A document checked against itself always agrees with itself. The cross-check only finds errors when it compares the text with an independent source.',
        },
        {
          id: 'b',
          text: 'The tables from the last board paper on this deal, since they were already approved.',
          correct: false,
          feedback:
            'Those are the stale figures that caused the problem last time. Approved once does not mean current; the model has moved on since.',
        },
        {
          id: 'c',
          text: 'Nothing: the assistant can recalculate the figures from the text.',
          correct: false,
          feedback:
            'It can check that the arithmetic inside the text adds up, but not that the figures match the model. Without the tables, a figure from version 6 looks perfectly fine.',
        },
        {
          id: 'd',
          text: 'The current model output tables, labelled with the model version.',
          correct: true,
          feedback:
            'Right. The check is only as good as the source it compares against. Labelling the version means the reviewer can see which model the paper agrees with.',
        },
      ],
    },
    reflection:
      'Where in your workflow does a figure get copied from one place to another by hand, and where would a cross-check step catch it?',
    status: 'published',
  },
  {
    id: 'analysis-w8-coach-and-contribute',
    jobFamilyId: 'analysis',
    week: 8,
    title: 'Coach a colleague and improve the library prompt',
    minutes: 5,
    taskId: 'rc-control-testing',
    promptId: 'p-control-exception-writeup',
    scenario:
      "You have written about forty control exceptions this year with 'Control testing exception write-up', and reviewers now rarely change yours. Noor joined the risk team in September and her exceptions keep coming back marked 'cause not evidenced' and 'recommendation too vague'. You have also noticed that the prompt never asks for the management response owner or a target date, which reviewers always add by hand. You have two things to pass on: how you use the prompt (what you paste and what you check) to Noor, and the missing fields to the library, so that the improvement reaches everyone who tests controls, not just the person sitting next to you.",
    tryIt:
      "Sit with Noor for ten minutes on one of her real exceptions. Let her fill the variables; point out what you always put in findings (sample references, dates, amounts) and what you always check in the answer (the cause stays [TO CONFIRM WITH CONTROL OWNER] until the owner confirms it). Then propose a change to the library prompt: add 'Management response: owner (role) and target date, or [TO AGREE]'. In the proposal note, say what problem it fixes and include one before-and-after example with client details removed. Rate the prompt while you are there.",
    check: {
      question: 'Which is the most useful way to pass on your improvement?',
      options: [
        {
          id: 'a',
          text: "Propose the change to the prompt's owner, with the reason and an anonymised before-and-after example.",
          correct: true,
          feedback:
            'Right. The owner can review it quickly, everyone who tests controls gets it, and the next joiner starts from the better version without needing to find you.',
        },
        {
          id: 'b',
          text: 'Edit your own copy and send it to Noor in a chat.',
          correct: false,
          feedback:
            'This helps one person, and now two versions drift apart. The next joiner gets the old prompt and the same review comments.',
        },
        {
          id: 'c',
          text: 'Ask reviewers to stop requesting management response details.',
          correct: false,
          feedback:
            'The reviewers are right to ask: a management response without an owner and a date cannot be tracked. The fix is to make the prompt ask for them.',
        },
        {
          id: 'd',
          text: 'Wait for the annual methodology refresh to raise it.',
          correct: false,
          feedback:
            'Dozens more exceptions would be fixed by hand in the meantime. The library has a review route for exactly this kind of change.',
        },
      ],
    },
    reflection:
      "What do you check in the assistant's answers that you have never written down? Write it as one sentence you could teach a new joiner.",
    status: 'published',
  },
];
