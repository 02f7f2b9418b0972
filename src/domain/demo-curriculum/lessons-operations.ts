import type { DemoLesson } from './types.js';

/** Operations and support: month-end, expenses, suppliers, hiring, onboarding and policies. */
export const operationsLessons: readonly DemoLesson[] = [
  {
    id: 'operations-w1-brief-the-welcome-email',
    jobFamilyId: 'operations',
    week: 1,
    title: 'Brief the assistant for a welcome email',
    minutes: 4,
    taskId: 'pt-new-joiner-onboarding',
    promptId: 'p-welcome-email',
    scenario:
      "Amara Costa starts as a finance analyst in Finance and Operations next Monday. You have the logistics: the London office at 9.00, a laptop ready from IT support, induction sessions on Monday afternoon and Wednesday morning, and her buddy, Luca. Last time you asked the assistant to 'write a welcome email for a new starter', it produced a pleasant message that could have gone to anyone, with a start time of 8.30 and a 'welcome breakfast', neither of which exists. The assistant was not careless: it had no facts, so it filled the gaps with what welcome emails usually say. A good prompt tells it who it is writing as, gives it the facts, and describes the email you want.",
    tryIt:
      "Open 'Welcome email with first-week logistics'. Fill joinerName, roleTitle ('finance analyst') and startDate, and paste the logistics as a plain list: times, place, who meets her, and what to bring (photo ID for her building pass). Notice the role in the first line and the format in the numbered list and the 250-word limit. In the answer, check every time and place against your list; anything you did not give should appear as [TO CONFIRM], not as a guess. Fill each [TO CONFIRM] yourself before the email goes out.",
    check: {
      question:
        'Your one-line request produced an 8.30 start and a welcome breakfast, neither of them real. What was the cause?',
      options: [
        {
          id: 'a',
          text: 'The assistant read an out-of-date office calendar.',
          correct: false,
          feedback:
            'It sees only what you give it; it had no calendar at all. That is exactly the point: with no facts, it had nothing to be accurate about.',
        },
        {
          id: 'b',
          text: 'It had no facts, so it filled the gaps with what welcome emails typically say.',
          correct: true,
          feedback:
            "Right. Assistants complete the pattern. Give them the real logistics and a rule to mark anything missing, and the pattern gets filled with Amara's actual first day.",
        },
        {
          id: 'c',
          text: 'The request was too short, so it added detail to make the email longer.',
          correct: false,
          feedback:
            'Length was not the problem. A long request with no logistics in it would produce the same invented breakfast; what was missing was facts.',
        },
        {
          id: 'd',
          text: 'Welcome emails are too personal for an assistant to write.',
          correct: false,
          feedback:
            'Given the facts, it writes them well and saves you twenty minutes per joiner. The problem was the input, not the kind of email.',
        },
      ],
    },
    reflection:
      'Which routine email do you write every week where the facts matter more than the wording? What would you paste to brief the assistant properly?',
    status: 'published',
  },
  {
    id: 'operations-w2-check-the-variance-numbers',
    jobFamilyId: 'operations',
    week: 2,
    title: 'Check the numbers and causes in variance commentary',
    minutes: 5,
    taskId: 'fo-month-end-close',
    promptId: 'p-month-end-variance',
    scenario:
      "It is day four of the close and the management accounts go to the financial controller tomorrow. You paste the actuals, budget and prior year by line, with the budget holders' explanations, into 'Month-end variance commentary', and the commentary comes back clean and readable. One line says: 'Travel costs were £38,000 (37%) under budget because of fewer client site visits.' Your table shows travel at £102,000 against a budget of £140,000. The budget holder's note says the partners' conference travel has moved to next month. The commentary reads well, which is exactly why its errors are easy to wave through.",
    tryIt:
      "Run the prompt with the period, your figures table and the budget holders' explanations as you received them. Then check each line of the output against your table. Recompute every variance (actual minus budget) and every percentage (variance divided by budget, the firm's convention). Check the direction: favourable or adverse? For every cause, find the budget holder's note it came from; a cause with no note should say [EXPLANATION NEEDED], not tell a plausible story. Check the timing, one-off or ongoing label matches the note.",
    check: {
      question:
        'The commentary says travel was £38,000 (37%) under budget because of fewer site visits. Budget £140,000, actual £102,000; the note says conference travel moves to next month. What is wrong?',
      options: [
        {
          id: 'a',
          text: 'Nothing: the figures come from the table and the explanation sounds reasonable.',
          correct: false,
          feedback:
            'The £38,000 is right, but 37% divides by the actual, not the budget, and the cause is not the one the budget holder gave. Sounding reasonable is not the same as being right.',
        },
        {
          id: 'b',
          text: 'Only the percentage: the cause can stay, since it is probably partly true.',
          correct: false,
          feedback:
            "An invented cause misleads the forecast. Timing reverses next month; fewer site visits would not. The controller needs the budget holder's actual reason.",
        },
        {
          id: 'c',
          text: 'The percentage should be 27% of budget, and the cause is timing (conference travel next month), not fewer visits.',
          correct: true,
          feedback:
            'Right. £38,000 divided by £140,000 is 27%, and the note says the spend has moved, not disappeared. Both corrections change what the leadership team should expect next month.',
        },
        {
          id: 'd',
          text: 'Only the cause: percentages are rounding and do not matter.',
          correct: false,
          feedback:
            '27% against 37% is not rounding; it is the wrong base. A controller who spots one wrong figure will start doubting all the others.',
        },
      ],
    },
    reflection:
      'Which number in your monthly reporting would you check first, and how long does that check take you?',
    status: 'published',
  },
  {
    id: 'operations-w3-protect-candidate-data',
    jobFamilyId: 'operations',
    week: 3,
    title: 'Protect candidate data in an interview debrief',
    minutes: 5,
    taskId: 'pt-interview-process',
    promptId: 'p-interview-debrief',
    scenario:
      "You are preparing the debrief for a senior manager role in Risk and Compliance. Three interviewers have sent their notes. Alongside scores against four competencies, the notes include the candidate's full name and current employer, a remark that she 'mentioned she's going through IVF so may need flexibility', and one interviewer's comment on her accent. The debrief needs only the evidence against the competencies. The rest is personal information the panel must not weigh, and health information is special category data under UK GDPR, which needs particular care. Before any of it goes into 'Interview debrief: evidence by competency', decide what the task actually needs.",
    tryIt:
      "Make a working copy of the notes. Replace the name with the candidate reference (for example RC-SM-03), remove the current employer, and delete the health remark and the comment on her accent; make a note to raise the accent comment with that interviewer. Use the firm's approved assistant with your Northwind account, then run the prompt. In the answer, check that nothing personal survived: search for the name, the employer, and any mention of health, age, family or accent. The prompt should also flag any 'culture fit' comments for you to follow up.",
    check: {
      question: "What is the right way to handle the candidate's health remark?",
      options: [
        {
          id: 'a',
          text: 'Keep it in: the panel should know she may need flexibility.',
          correct: false,
          feedback:
            'Health has no place in scoring and weighing it risks discrimination. Any adjustments she asks for are handled separately by HR, with her agreement, not debated by the panel.',
        },
        {
          id: 'b',
          text: 'Leave it in and tell the assistant to ignore it.',
          correct: false,
          feedback:
            'Once pasted, it has been processed, and an instruction to ignore something does not reliably stop it reappearing in the output. Remove it before pasting.',
        },
        {
          id: 'c',
          text: "Paste the notes into a free public tool instead, so nothing stays in the firm's systems.",
          correct: false,
          feedback:
            "This is the worst option: it moves sensitive personal data outside the firm's controls altogether, with no agreement covering how it is used or kept.",
        },
        {
          id: 'd',
          text: 'Remove it before pasting and keep it out of the debrief; flexibility goes through the normal adjustments process.',
          correct: true,
          feedback:
            'Right. The debrief gets only the evidence it needs, the candidate is protected, and any request for flexibility is handled properly by HR.',
        },
      ],
    },
    reflection:
      "What personal information reaches you that the task in front of you doesn't need? At what point could you remove it?",
    status: 'published',
  },
  {
    id: 'operations-w4-fix-the-input-not-the-answer',
    jobFamilyId: 'operations',
    week: 4,
    title: 'Refine an expense check by fixing the input',
    minutes: 5,
    taskId: 'fo-expense-review',
    promptId: 'p-expense-policy-check',
    scenario:
      "You are reviewing this week's expense claims. One, from a consultant on the Kestrel Rail engagement, has 23 lines. The first pass from 'Check an expense claim against policy' marks all six taxi lines 'query: no rule permits taxis', flags a £64 team dinner as non-compliant, and raises nothing about a £310 hotel night in Manchester. You know taxis are allowed after 9pm and the hotel limit outside London is £150. The assistant's judgement is not the problem: you pasted only the first page of the expenses policy, and the taxi and hotel rules are in two other documents. Refining here means improving what you give it, then asking it to check again.",
    tryIt:
      "Run the prompt with the rules you usually paste and the claim lines. Look at each 'query' and 'non-compliant' result and the rule it quotes. If a result quotes no rule, or a rule you know is incomplete, the input is the problem. Gather the missing rules (taxis, hotel limits, client entertaining) from all three documents into one list. Then, in the same conversation: 'Here are the complete rules. Re-check every line and show what changed.' Check the late-night taxis now pass and the hotel is queried. Save the complete list for next week.",
    check: {
      question:
        "The first pass queries every taxi because 'no rule permits taxis'. What is the best next step?",
      options: [
        {
          id: 'a',
          text: 'Add the missing taxi, hotel and entertaining rules to the input and ask it to re-check every line.',
          correct: true,
          feedback:
            "Right. The results were only as complete as the rules. With the full set, every line is checked properly, including the hotel the first pass missed, and next week's claims start from the right list.",
        },
        {
          id: 'b',
          text: 'Override the six taxi results by hand and approve the claim.',
          correct: false,
          feedback:
            'This fixes six lines but not the cause. The rest of the output was built on the same incomplete rules, which is why the £310 hotel went unquestioned.',
        },
        {
          id: 'c',
          text: "Tell the assistant 'taxis are usually fine, use your judgement'.",
          correct: false,
          feedback:
            'That invites it to guess, which the prompt forbids for good reason. The policy decides what is allowed, not general knowledge about expenses.',
        },
        {
          id: 'd',
          text: 'Query all six taxis with the claimant anyway, to be safe.',
          correct: false,
          feedback:
            'Six unnecessary queries annoy the claimant and create exactly the back-and-forth the review is meant to cut, and the hotel breach still goes unnoticed.',
        },
      ],
    },
    reflection:
      'When the assistant gets something wrong, how often is the cause something missing from what you gave it? What would you add first?',
    status: 'published',
  },
  {
    id: 'operations-w5-variables-carry-the-risk',
    jobFamilyId: 'operations',
    week: 5,
    title: 'Put the facts that matter into template variables',
    minutes: 4,
    taskId: 'fo-vendor-onboarding',
    promptId: 'p-supplier-due-diligence-questions',
    scenario:
      "Two supplier requests arrived this week: a sandwich caterer for the Leeds office, and a cloud survey platform that Research and Insights wants for client surveys. Normally both would get the same 60-question pack, which delays the caterer for weeks and may still miss what matters about the platform. The library template 'Supplier due diligence questions by risk level' rates risk from two variables, supplierDescription and serviceScope. If serviceScope just says 'survey software', the assistant cannot know the platform will hold personal data about our clients' survey respondents, and it will rate the risk too low. The variables are where the context goes; the template does the rest.",
    tryIt:
      "Run the template twice. Caterer: supplierDescription 'independent sandwich caterer, two staff, Leeds'; serviceScope 'weekly lunch delivery, about £6,000 a year, no access to our systems or data'. Platform: describe what it will hold and who uses it, for example 'hosts client survey responses including respondents' names and emails, UK and EU, used by 20 staff, about £45,000 a year'. Compare the answers. The caterer should get ten questions or fewer. The platform should be rated high, with information security and data protection questions, each naming the evidence to request.",
    check: {
      question:
        "For the survey platform you write serviceScope as 'survey software'. What is the likely result?",
      options: [
        {
          id: 'a',
          text: 'The assistant will research the supplier and fill in the missing details.',
          correct: false,
          feedback:
            'It has only what you typed. Any details it adds about the supplier are guesses, and the risk rating would rest on them.',
        },
        {
          id: 'b',
          text: 'A better result, because a short variable leaves the assistant more freedom.',
          correct: false,
          feedback:
            'Freedom without facts produces generic questions. The assistant cannot ask about what it has not been told.',
        },
        {
          id: 'c',
          text: "No difference, because the template's instructions already cover every risk area.",
          correct: false,
          feedback:
            'The template chooses which areas to cover from the risk level. Get the level wrong and the selection is wrong too.',
        },
        {
          id: 'd',
          text: 'A rating that misses the personal data, so security and data protection questions may be left out.',
          correct: true,
          feedback:
            'Right. The risk level comes from what the supplier will touch. Leave out the personal data and the questions that protect it may never be asked.',
        },
      ],
    },
    reflection:
      'For a template you use regularly, which variable do you fill in too briefly, and what fact would change the answer if you added it?',
    status: 'published',
  },
  {
    id: 'operations-w6-check-the-advert-wording',
    jobFamilyId: 'operations',
    week: 6,
    title: 'Review a job advert for bias and tone',
    minutes: 5,
    taskId: 'pt-job-description',
    promptId: 'p-inclusive-job-advert',
    scenario:
      "The head of IT has asked for an advert for a service desk team leader. His notes ask for 'a digital native with 10+ years' experience' who is 'a rock star under pressure' and will 'fit in with a young, energetic team', and he has pasted last year's advert, which refers to the post holder as 'he' twice. You run 'Inclusive job advert and wording check' and the result is much better, but it has kept 'energetic team', turned 'rock star' into 'a competitive self-starter', and added 'a generous benefits package' that is not in your input. Wording that puts good candidates off is often subtle, and the assistant can keep the hiring manager's biases or add its own.",
    tryIt:
      "Run the prompt with the approved job description, not the manager's raw notes, and the real selling points. Read the list of wording changes at the end, then read the advert for what the list missed: age-coded words ('digital native', 'young', 'energetic'), gender-coded words ('competitive', 'dominant', 'rock star') and experience minimums the job does not need. Check every benefit and working arrangement in the advert appears in your input, and delete any that do not. Check the line inviting candidates to ask for adjustments is there.",
    check: {
      question:
        "The advert now says 'join our energetic team of competitive self-starters'. What is the best change?",
      options: [
        {
          id: 'a',
          text: 'Leave it: it is upbeat, and candidates like enthusiasm.',
          correct: false,
          feedback:
            "'Energetic' tends to read as 'young', and 'competitive' is gender-coded. Both quietly narrow who applies, however upbeat they sound.",
        },
        {
          id: 'b',
          text: 'Remove the sentence and say nothing about the team.',
          correct: false,
          feedback:
            'Candidates want to know what the team is like and what the work demands. The fix is a neutral description, not silence.',
        },
        {
          id: 'c',
          text: "'Join a supportive team that solves problems together, often against the clock.'",
          correct: true,
          feedback:
            'Right. It describes the real work, including the time pressure, without signalling an age or a gender. The right candidates still recognise themselves in it.',
        },
        {
          id: 'd',
          text: 'Ask the hiring manager to approve the wording as it stands.',
          correct: false,
          feedback:
            'Approval does not remove the bias. Spotting and fixing it is your part of the process; explain the change to the manager instead.',
        },
      ],
    },
    reflection:
      'Which words in your own adverts or role profiles describe the person you imagine rather than the job that needs doing?',
    status: 'published',
  },
  {
    id: 'operations-w7-chain-the-policy-rollout',
    jobFamilyId: 'operations',
    week: 7,
    title: 'Chain the steps of a policy roll-out',
    minutes: 5,
    taskId: 'pt-policy-update',
    promptId: 'p-policy-summary',
    scenario:
      "The hybrid working policy has been revised: from 1 September, people in client-facing teams must spend at least three days a week in the office or with clients, up from two, and there is a new route to request an exception. The People director has approved it. Your job is to explain it to 900 staff and prepare line managers for their questions. That is a chain of steps: a plain-English summary for staff, then FAQs and a manager briefing from the same policy, then the announcement. Each step reuses the policy text and each output must agree with the others. If the summary says three days and an FAQ says 'most of the week', managers will get the same question fifty times.",
    tryIt:
      "Step 1: run 'Plain-English policy summary for staff' with the full policy text and the changes. Take every [CLARIFY WITH HR] flag to the HR business partner and get an answer before going on. Step 2: run 'Policy FAQs and a manager briefing' with the same policy text, the clarified points and the questions staff have already asked. Check each FAQ answer against the summary: same date, same number of days, same exception route. Step 3: write the announcement from the checked summary. Keep the clarifications in one note so every step uses them.",
    check: {
      question:
        'The summary flags \'[CLARIFY WITH HR] Does "client-facing" include bid teams?\'. What do you do before step 2?',
      options: [
        {
          id: 'a',
          text: 'Let the FAQ step decide, since it sees the whole policy.',
          correct: false,
          feedback:
            'The assistant would pick an interpretation, which is exactly what the summary step rightly refused to do. The FAQs would then state a rule HR never agreed.',
        },
        {
          id: 'b',
          text: 'Remove the flag from the summary so that it reads cleanly.',
          correct: false,
          feedback:
            'Removing the flag hides the question but does not answer it. Bid teams will ask their managers, and each manager will answer differently.',
        },
        {
          id: 'c',
          text: 'Answer it yourself, based on what seems fair.',
          correct: false,
          feedback:
            'It is a policy decision for HR. Your reasonable guess would become the rule for 900 people without anyone having decided it.',
        },
        {
          id: 'd',
          text: 'Get the answer from HR and add it to the input for the next step.',
          correct: true,
          feedback:
            'Right. Resolve the open point once, at the step that found it, and carry the answer forward so the FAQs, the briefing and the announcement all say the same thing.',
        },
      ],
    },
    reflection:
      'In the last internal change you communicated, where did two documents say slightly different things, and which step would have caught it?',
    status: 'published',
  },
  {
    id: 'operations-w8-hand-over-the-reconciliation',
    jobFamilyId: 'operations',
    week: 8,
    title: 'Hand over your reconciliation routine and improve the prompt',
    minutes: 5,
    taskId: 'fo-month-end-close',
    promptId: 'p-reconciliation-note',
    scenario:
      "You have used 'Account reconciliation note' for the last three closes on the bank and accruals accounts, and the financial controller has stopped sending your notes back. Next month you are on leave and Bruno is covering the close. Your notes are easy to follow because of two habits: you paste each reconciling item with its age in days, and you add a line giving the firm's threshold for escalating items, older than 60 days or larger than £5,000. The second habit is not in the library prompt, which fixes the age at 60 days and has no amount at all. Bruno needs your routine, and the library needs the improvement.",
    tryIt:
      "Before your leave, do one reconciliation with Bruno: he fills the variables and runs the prompt while you show him what you check. The arithmetic is shown and adds up; each item says what it is and when it will clear; no journal amount differs from the items listed. Then write your routine as five lines in the team's close checklist. Finally, propose a change to the library prompt: an escalationThreshold variable with a default of '60 days or £5,000'. In the note to the prompt's owner, give one example of an item under 60 days but over £5,000 that was nearly missed.",
    check: {
      question: 'What should you do with the threshold line you always add?',
      options: [
        {
          id: 'a',
          text: 'Keep it to yourself: the library prompt works well enough without it.',
          correct: false,
          feedback:
            'Then Bruno, and everyone else who uses the prompt, will miss large recent items. The improvement disappears the moment you are away.',
        },
        {
          id: 'b',
          text: 'Propose it as a variable with a sensible default, with an example of the problem it fixes.',
          correct: true,
          feedback:
            'Right. A variable lets each team set its own threshold while the default covers the common case, and the example shows the owner why the change is worth making.',
        },
        {
          id: 'c',
          text: 'Propose writing your threshold into the prompt body as a fixed rule for everyone.',
          correct: false,
          feedback:
            'Other teams and accounts may need different thresholds. A fixed rule would be wrong for some of them; a variable with a default serves them all.',
        },
        {
          id: 'd',
          text: 'Tell Bruno to remember to add it each time.',
          correct: false,
          feedback:
            'Memory is the first thing to go under close pressure, and Bruno is new to these accounts. Capturing the habit in the template is what templates are for.',
        },
      ],
    },
    reflection:
      'If you were away next month, which part of how you use the assistant would your cover not know? Write it down in one line.',
    status: 'published',
  },
];
