import type { DemoLesson } from './types.js';

/** Client managers: follow-ups, account plans, RFPs, pitches, proposals and invoice queries. */
export const clientManagementLessons: readonly DemoLesson[] = [
  {
    id: 'client-management-w1-brief-the-follow-up',
    jobFamilyId: 'client-management',
    week: 1,
    title: 'Give a follow-up email a role, context and format',
    minutes: 4,
    taskId: 'cd-meeting-follow-up',
    promptId: 'p-client-follow-up-email',
    scenario:
      "You have just come out of a quarterly relationship meeting with Helen Ashby, Director of Transformation at Harlow Water. You agreed three things: a short note on how other utilities have handled the cut-over to a new billing system, an introduction to our data migration lead, and a follow-up meeting in early June. Your notes are half in your notebook and half in your head, and you have two more meetings today. Last time you asked the assistant to 'write a thank-you email to Helen', it produced a gushing paragraph that confirmed nothing. The fix is a prompt with a role (a client manager), the context (your notes and the relationship) and a format (the parts of the email, its length and a subject line).",
    tryIt:
      "Type up your notes straight after the meeting; rough is fine as long as it covers what was agreed, who does what and any dates. Open 'Client follow-up email after a meeting', set recipientName to Helen, paste the notes into meetingNotes, and replace the default relationshipContext with one line: 'long-standing client, second year of the billing programme'. In the answer, check that each next step has an owner and a date taken from your notes, that nothing is promised which you did not agree, and that it has a subject line and stays under 200 words. Then send it today.",
    check: {
      question: 'Which part of the prompt most directly stops the assistant inventing commitments?',
      options: [
        {
          id: 'a',
          text: 'The tone instruction: warm, professional and concise.',
          correct: false,
          feedback:
            'Tone shapes how the email reads, not what it claims. A warm, concise email can still promise Helen something you never agreed.',
        },
        {
          id: 'b',
          text: 'The 200-word limit.',
          correct: false,
          feedback:
            'A short email can contain an invented promise just as easily as a long one. Length controls effort to read, not accuracy.',
        },
        {
          id: 'c',
          text: 'Your meeting notes, together with the rule not to add commitments that are not in them.',
          correct: true,
          feedback:
            'Right. The notes give the assistant the facts, and the rule tells it to stay within them. Without notes, it fills the gaps with what follow-up emails usually say.',
        },
        {
          id: 'd',
          text: "Putting Helen's name in recipientName.",
          correct: false,
          feedback:
            'The name personalises the greeting but tells the assistant nothing about what was agreed. It cannot stop an invented commitment.',
        },
      ],
    },
    reflection:
      'What do you usually leave out when you brief the assistant because it feels obvious to you? Would a new colleague know it?',
    status: 'published',
  },
  {
    id: 'client-management-w2-check-the-quotes',
    jobFamilyId: 'client-management',
    week: 2,
    title: 'Check quotes and figures against the annual report',
    minutes: 5,
    taskId: 'cd-account-plan',
    promptId: 'p-client-priorities-from-annual-report',
    scenario:
      "It is account planning season and you own the relationship with Ardent Insurance. You paste extracts from their latest annual report into 'Client priorities from an annual report' to pull out their strategic priorities. The answer looks excellent: it quotes the chief executive saying Ardent will 'invest £120m in digital claims over three years', lists 'expansion into Ireland' as a priority, and gives page numbers throughout. You are about to put both points in the account plan and mention the £120m to Ardent's COO next week. If the figure is wrong, or the Ireland point came from somewhere other than the report, you lose credibility in the one meeting that matters most this quarter.",
    tryIt:
      'Run the prompt with your extracts, each labelled with its page number. Then take every quotation and every number in the answer and search the report for a short phrase from it. Does the quote appear word for word? Is it £120m over three years, or £12m a year? Is Ireland mentioned in your extracts at all? Anything you cannot find comes out of the account plan. Finally, check the suggestions on where we could help are labelled as ideas for discussion, not presented as facts about what Ardent needs.',
    check: {
      question:
        "You search the report for 'Ireland' and find nothing. What should you do with 'expansion into Ireland'?",
      options: [
        {
          id: 'a',
          text: 'Remove it, and if you think it may be true, ask the client or find a dated source.',
          correct: true,
          feedback:
            'Right. The account plan should only state what you can source. If the point matters, it becomes a good question for the COO rather than a claim you might have to retract.',
        },
        {
          id: 'b',
          text: 'Keep it: the assistant may know from the news that Ardent is expanding in Ireland.',
          correct: false,
          feedback:
            'The prompt works only from your extracts. If the point came from anywhere else it is unsourced, may be out of date, and may even be about a different insurer.',
        },
        {
          id: 'c',
          text: "Keep it, but add 'reportedly' in front.",
          correct: false,
          feedback:
            "A hedge on an unsourced claim still puts it in front of the COO. 'Reportedly' invites the obvious question: reported by whom?",
        },
        {
          id: 'd',
          text: 'Run the prompt again and keep the point only if it appears twice.',
          correct: false,
          feedback:
            'Repetition is not evidence. The assistant can make the same mistake twice from the same input; only the report can confirm it.',
        },
      ],
    },
    reflection:
      'Which fact about your biggest client would be most embarrassing to get wrong in a meeting, and when did you last check it?',
    status: 'published',
  },
  {
    id: 'client-management-w3-clean-past-answers',
    jobFamilyId: 'client-management',
    week: 3,
    title: 'Clean past answers before reusing them in a bid',
    minutes: 5,
    taskId: 'cd-rfp-response',
    promptId: 'p-rfp-answer-draft',
    scenario:
      "Kestrel Rail has issued an RFP for a programme assurance partner, and question 4.3 asks for 'your experience of assuring major infrastructure programmes' in 300 words. The best past answer comes from last year's bid to another transport operator. It names that client, gives their programme budget, quotes their chief engineer and mentions a discounted day rate. 'Draft an RFP answer from past responses' tells the assistant to remove anything confidential about other clients, but the safest place to remove it is before it ever goes into the prompt. Kestrel's RFP is itself marked 'commercial in confidence', which also limits where you can paste it.",
    tryIt:
      "Copy the past answer into a working draft and remove the other client's name, budget, the chief engineer's quote and the day rate, unless the case study is cleared for external use with the client named (check its status in the case study library). Use only the firm's approved assistant, signed in with your Northwind account, for Kestrel's question. Run the prompt with the cleaned content in pastContent. In the answer, search for the old client's name, their programme and every figure: none should appear. Then read the note of claims that need checking.",
    check: {
      question:
        "The past answer includes the other client's programme budget. Where should you remove it?",
      options: [
        {
          id: 'a',
          text: 'Nowhere: the prompt already tells the assistant to remove confidential details.',
          correct: false,
          feedback:
            "The instruction helps, but it can be missed, and you would be relying on a tool to protect another client's information. Remove it yourself before pasting.",
        },
        {
          id: 'b',
          text: 'Only in the final formatted bid, during the last proofread.',
          correct: false,
          feedback:
            'By then the figure may have spread into other answers and into drafts sent to experts for review. Remove it at the source, as early as possible.',
        },
        {
          id: 'c',
          text: 'It does not need removing: Kestrel will not know which client it was.',
          correct: false,
          feedback:
            "Budget, sector and date together often identify the client. And it is still that client's information: it is not ours to share, whether or not anyone can tell.",
        },
        {
          id: 'd',
          text: 'In the draft you paste, before running the prompt, and then check the answer for it.',
          correct: true,
          feedback:
            'Right. Remove it before it goes in, then search the output to confirm nothing slipped through. Two checks, one at each end, cost a minute.',
        },
      ],
    },
    reflection:
      'Where does your team keep past bid answers, and how would a new bid writer know which ones are safe to reuse?',
    status: 'published',
  },
  {
    id: 'client-management-w4-sharpen-the-pitch',
    jobFamilyId: 'client-management',
    week: 4,
    title: 'Refine a pitch storyline round by round',
    minutes: 5,
    taskId: 'cd-pitch-preparation',
    promptId: 'p-pitch-storyline',
    scenario:
      "Fenwick Foods has shortlisted three firms to pitch for a procurement savings programme. You will have twenty minutes with the CFO, the Procurement Director and the Head of Operations, who told you privately that the last consultants 'cut costs and broke the supply chain'. The assistant's first storyline from 'Pitch storyline for a competitive pitch' is solid but generic: the promise is 'unlocking value through procurement excellence', slide two is about our firm, and the Head of Operations' worry appears nowhere. Running it again with the same inputs will not fix that. Refining means telling the assistant specifically what to change, and checking each round against what the people in the room care about.",
    tryIt:
      "Run the prompt with clientAsk, the three decision makers and our strengths. Then refine in the same conversation, one round at a time. Round 1: 'Rewrite the promise in the CFO's words from the brief: savings without disrupting supply.' Round 2: 'Move our credentials to the last slide and open with Fenwick's own spend figures.' Round 3: 'Add a slide that answers the Head of Operations' concern about supply disruption, using the dairy case study.' After each round, check where each decision maker's concern is addressed. Is everyone covered?",
    check: {
      question: 'Which refinement is most likely to improve the storyline?',
      options: [
        {
          id: 'a',
          text: "'Make it more persuasive and exciting.'",
          correct: false,
          feedback:
            "This adds adjectives and energy, but the structural problems stay: we still talk about ourselves first and the Head of Operations' concern is still missing.",
        },
        {
          id: 'b',
          text: "'Give me ten completely different storylines to choose from.'",
          correct: false,
          feedback:
            'Ten versions built from the same generic inputs give you ten kinds of generic and an hour of reading. Direction beats volume.',
        },
        {
          id: 'c',
          text: "'Open with Fenwick's spend data, move our credentials to the end, and add a slide on avoiding supply disruption.'",
          correct: true,
          feedback:
            'Right. Each change is specific and tied to someone in the room: the CFO sees her numbers first, and the Head of Operations sees his concern answered.',
        },
        {
          id: 'd',
          text: "'Rewrite it as if Fenwick had already chosen us.'",
          correct: false,
          feedback:
            'Decision makers notice presumption, and it reads as arrogance. It also does nothing about the concern that could lose you the pitch.',
        },
      ],
    },
    reflection:
      'What did a client last tell you, in their own words, that should have shaped the first slide of your pitch?',
    status: 'published',
  },
  {
    id: 'client-management-w5-set-the-variables',
    jobFamilyId: 'client-management',
    week: 5,
    title: 'Use template variables and know when to change a default',
    minutes: 4,
    taskId: 'sc-client-proposal',
    promptId: 'p-proposal-cover-email',
    scenario:
      "The Fenwick Foods proposal is finished, the partner has approved it, and it goes to the CFO today. You will use 'Cover email to send a proposal' from the library. It has four variables: recipientName, clientName, keyPoints and nextStep. nextStep has a default, 'a 30-minute call to walk through it', which suits most proposals. But on Monday the CFO told you she wants a meeting with the Procurement Director present before her board meets on the 14th. A default is a starting point for the common case, not an answer for this client.",
    tryIt:
      "Insert the template and fill each variable. Put the three points the proposal makes into keyPoints in Fenwick's language ('savings without supply disruption', not 'category management'). Overwrite nextStep with 'a 45-minute meeting with you and the Procurement Director before the board on the 14th'. Check the preview before sending it to the assistant: no unfilled {{ }} should remain. In the answer, check that the subject line names the proposal, that the next step is the one you set, and that there is no fee and no 'please do not hesitate'.",
    check: {
      question: "When should you change a variable's default value?",
      options: [
        {
          id: 'a',
          text: "Never: defaults have been reviewed by the prompt's owner.",
          correct: false,
          feedback:
            'The owner reviewed a sensible value for the common case, not for your client. Defaults are there to be overwritten when you know better.',
        },
        {
          id: 'b',
          text: 'Always: defaults are only examples and should never be used as they are.',
          correct: false,
          feedback:
            'Many defaults are exactly right for most uses. Overwriting them with something worse, or retyping the same thing, wastes the time the template saves.',
        },
        {
          id: 'c',
          text: "Only after the assistant's answer comes back wrong.",
          correct: false,
          feedback:
            'You already know what the CFO asked for. Fix the input now rather than correcting the output afterwards and hoping you catch every place it appears.',
        },
        {
          id: 'd',
          text: "Whenever you know something specific about this client that the default doesn't reflect.",
          correct: true,
          feedback:
            'Right. Your knowledge of the client is the context the template cannot have. Putting it in the variable makes the email right first time.',
        },
      ],
    },
    reflection:
      'Which library prompt do you use most, and which of its defaults rarely fits your clients?',
    status: 'published',
  },
  {
    id: 'client-management-w6-read-both-sides',
    jobFamilyId: 'client-management',
    week: 6,
    title: 'Check a difficult reply for tone and one-sidedness',
    minutes: 5,
    taskId: 'cd-meeting-follow-up',
    promptId: 'p-difficult-client-email',
    scenario:
      "Brightmere Housing Group's Head of Asset Management has emailed, angry: the stock condition report arrived three days late and, she says, 'missed half the estates we asked for'. From our side, the report was late because Brightmere's own surveyors sent their data a week late, and the scope was twelve estates, as agreed in the statement of work, not the twenty she remembers. You have a draft reply from 'Reply to an unhappy client'. The risk is twofold. The assistant only knows your side, so it may write as if the client is simply wrong. And the tone can slide into defensiveness ('as clearly stated in the SOW') or into grovelling promises you cannot keep.",
    tryIt:
      'Run the prompt with her email, and in ourFacts include what we got wrong as well: we did not warn her the report would be late. Read the draft as she will. Underline any sentence that blames her team, quotes the contract at her, or sounds like a form letter. Check that it owns the missing warning plainly, corrects the scope point gently with the SOW reference, and marks any credit or discount [PARTNER TO DECIDE]. Then read it aloud: would you say this to her face?',
    check: {
      question:
        "The draft says: 'As clearly set out in the signed SOW, the scope was always 12 estates, so the report is complete.' What is the problem?",
      options: [
        {
          id: 'a',
          text: 'Nothing: it is accurate and the SOW supports it.',
          correct: false,
          feedback:
            "Accurate, but defensive. 'Clearly' and 'always' tell her she should have known, so she hears blame and is more likely to escalate.",
        },
        {
          id: 'b',
          text: 'The tone is defensive: say what the SOW covers, offer to go through it, and own the delay we did not warn her about.',
          correct: true,
          feedback:
            'Right. The facts stay, the edge goes. Owning our part first makes it much easier for her to accept the correction on scope.',
        },
        {
          id: 'c',
          text: 'It should be removed: never correct a client who is upset.',
          correct: false,
          feedback:
            'Leaving the misunderstanding in place stores up a bigger dispute for later. Correct it, gently and with evidence.',
        },
        {
          id: 'd',
          text: 'It is too short: paste in the full text of the scope clause.',
          correct: false,
          feedback:
            'Quoting the contract in full makes the reply more formal and more defensive, not less. A reference and an offer to talk it through are enough.',
        },
      ],
    },
    reflection:
      "When a client's email annoys you, what do you put in the prompt, and what does that do to the draft you get back?",
    status: 'published',
  },
  {
    id: 'client-management-w7-chain-the-rfp',
    jobFamilyId: 'client-management',
    week: 7,
    title: 'Chain the RFP steps from bid decision to first drafts',
    minutes: 5,
    taskId: 'cd-rfp-response',
    promptId: 'p-rfp-compliance-matrix',
    scenario:
      "Orwell County Council's RFP for an adult social care transformation partner arrived this morning: 84 pages, submission in fifteen working days, clarification questions due in five. In the past you started drafting answers straight away and found out in week two that a mandatory insurance certificate and a ten-page limit were buried in an appendix. The RFP workflow has its steps for a reason, and the assistant can help with each: decide bid or no-bid, build the compliance matrix, then draft answers against the matrix. Each step's output is what you check before the next step starts, and each step has a different owner.",
    tryIt:
      "Step 1: run 'Bid or no-bid assessment' with your opportunity notes and agree the decision with the partner. Step 2: run 'RFP compliance matrix and deadlines' on the full RFP text. Check the matrix against the RFP's contents page (every section should appear) and the dates against the cover letter, then put the clarification deadline in your calendar. Step 3: for each scored question, run 'Draft an RFP answer from past responses' with the word limit and reference from the matrix. Check each draft against its matrix row before it goes to the expert.",
    check: {
      question: 'Why build the compliance matrix before drafting any answers?',
      options: [
        {
          id: 'a',
          text: 'Because it gives every later step the requirements, limits and deadlines to check against.',
          correct: true,
          feedback:
            'Right. The matrix is the checklist the whole bid runs on. Drafts written against it respect the limits and cover the mandatory items from the start.',
        },
        {
          id: 'b',
          text: 'Because the assistant cannot draft answers without a matrix.',
          correct: false,
          feedback:
            'It can, and that is the danger: it will draft confidently without knowing the word limits or the mandatory items buried in the appendix.',
        },
        {
          id: 'c',
          text: 'Because a matrix makes the bid look more thorough.',
          correct: false,
          feedback:
            'The matrix is an internal control, not something to impress the evaluators with. Its value is in what it stops you missing.',
        },
        {
          id: 'd',
          text: 'Because evaluators score the compliance matrix more highly than the answers.',
          correct: false,
          feedback:
            'Some RFPs do ask for one, but that is not the reason here. The reason is to stop our own drafting missing requirements, limits and dates.',
        },
      ],
    },
    reflection:
      'Which step of your RFP process gets skipped when the deadline is tight, and what has skipping it cost you?',
    status: 'published',
  },
  {
    id: 'client-management-w8-pass-on-the-invoice-reply',
    jobFamilyId: 'client-management',
    week: 8,
    title: 'Teach the invoice reply and improve the prompt',
    minutes: 5,
    taskId: 'fo-project-billing',
    promptId: 'p-invoice-query-reply',
    scenario:
      "Invoice queries used to bounce between you, finance and the engagement team for a fortnight. Since you started using 'Reply to a client invoice query', most of yours close in two days. Two habits made the difference, and neither is in the prompt: you always paste the statement of work line the charge relates to, and you add the client's purchase order number, because some clients' accounts payable teams reject replies without one. Wes, a new client manager, has just had his first query from Calder Logistics and has forwarded it to you. You could answer it for him, but then you would be answering the next one too.",
    tryIt:
      "In your team's practice session, run the prompt with Wes on his Calder query: he fills the variables while you ask what evidence he has for the charge. Show him how you check the reply: every figure matches the invoice, the SOW line is quoted, and any credit is marked [MANAGER TO APPROVE]. Then propose a change to the library prompt: a purchaseOrder variable and a line asking for the SOW reference. In the note to the prompt's owner in finance, explain why, with the clients who reject replies without a PO. Test your version on one past query first.",
    check: {
      question: 'Wes asks you to just write his reply for him. What helps most?',
      options: [
        {
          id: 'a',
          text: 'Write it for him this time; he can learn when things are quieter.',
          correct: false,
          feedback:
            'Every new query then comes back to you, and quieter never arrives. Ten minutes together now saves you hours over the next quarter.',
        },
        {
          id: 'b',
          text: 'Send him your personal version of the prompt with your changes in it.',
          correct: false,
          feedback:
            'This helps Wes only, and finance, who own the prompt, never hear about the PO problem. Everyone else keeps getting replies rejected.',
        },
        {
          id: 'c',
          text: 'Run the prompt with him on his own query, show him what you check, and put your improvements into the library.',
          correct: true,
          feedback:
            'Right. Wes learns on a real case, you pass on the checks that make replies stick, and the library version improves for every client manager.',
        },
        {
          id: 'd',
          text: 'Tell him to use the library prompt as it is and work it out.',
          correct: false,
          feedback:
            'The prompt lacks the two habits that make your replies work, so Wes would repeat your early mistakes and his queries would bounce.',
        },
      ],
    },
    reflection:
      'What is one thing you do with the assistant that a new colleague would not guess? How could it become part of a library prompt?',
    status: 'published',
  },
];
