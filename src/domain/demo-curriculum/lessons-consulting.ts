import type { DemoLesson } from './types.js';

/** Consultants: proposals, workshops, steering packs, statements of work and status reports. */
export const consultingLessons: readonly DemoLesson[] = [
  {
    id: 'consulting-w1-brief-the-assistant',
    jobFamilyId: 'consulting',
    week: 1,
    title: 'Brief the assistant like a new team member',
    minutes: 5,
    taskId: 'tc-weekly-status-report',
    promptId: 'p-weekly-status-report',
    scenario:
      "It is half past three on Friday and the weekly status report for Harlow Water's billing replacement programme is due to the client and your engagement partner by five. You have the delivery board export, three messages from team leads and last week's report. Last month you typed 'write a status report for Harlow' into the assistant and got a page of generic headings about 'stakeholder alignment' that you deleted. The assistant was not being lazy: it knew nothing about the programme, who reads the report or what shape it should take. A good prompt gives it what a new team member would need on their first day: a role (a delivery manager writing for the client), the context (this week's updates and last week's report) and the output format (the sections, their order and the length).",
    tryIt:
      "Open 'Weekly delivery status report' from the library. Fill clientName, paste this week's board updates and team-lead messages into weeklyUpdates, and last week's report into lastReport. Before you send it, find the three parts: the role in the first line, the context you pasted, and the output rules (the sections and the 300-word limit). In the answer, read the 'what changed since last week' section: every item should be new compared with last week's report. If it repeats last week's items, your lastReport was missing or incomplete.",
    check: {
      question:
        "Your one-line prompt 'write a status report for Harlow' produced generic headings. What was mainly missing?",
      options: [
        {
          id: 'a',
          text: "A more polite request, such as starting with 'please'.",
          correct: false,
          feedback:
            'Politeness does no harm, but it adds no information. The assistant still knew nothing about the programme, so it still had to make the content up.',
        },
        {
          id: 'b',
          text: "Context (this week's updates and last week's report), who reads it, and the format wanted.",
          correct: true,
          feedback:
            'Right. The assistant can only report what you give it. With the updates and last week\'s report it can say what changed; with the format rules it produces the sections your client expects instead of invented "stakeholder alignment".',
        },
        {
          id: 'c',
          text: 'A longer instruction asking it to be detailed and professional.',
          correct: false,
          feedback:
            "Adjectives without facts make a longer generic report, not a better one. 'Detailed' about nothing is padding your client has to read past.",
        },
        {
          id: 'd',
          text: 'Running the same one-line prompt again until a better version appears.',
          correct: false,
          feedback:
            "Each run starts from the same empty context. You may get different wording, but never your programme's facts, because they were never in the prompt.",
        },
      ],
    },
    reflection:
      'Think of the last report or email you asked the assistant for. Which of role, context and output format did you leave out, and what did the answer get wrong as a result?',
    status: 'published',
  },
  {
    id: 'consulting-w2-trace-every-figure',
    jobFamilyId: 'consulting',
    week: 2,
    title: 'Trace every figure back to a source you can name',
    minutes: 5,
    taskId: 'sc-market-entry-analysis',
    promptId: 'p-market-entry-options',
    scenario:
      "Calder Logistics, a UK freight operator, wants to know whether to enter the Dutch market by building its own depots, partnering with a local carrier or buying one. Your analyst has gathered the facts: two market reports that disagree on the size of the market (€4.1bn and €4.6bn for 2024), a list of eight competitors and notes from three expert calls. You run the assessment and the answer is fluent and confident. It also says 'the Dutch road freight market is growing at 6% a year' and 'acquisitions in the sector trade at around 7x EBITDA'. Neither figure is in the facts you pasted. An assistant fills gaps with numbers that sound right; it is not looking anything up. The partner will put your comparison in front of Calder's board, so every number on it needs a source you can name.",
    tryIt:
      "Open 'Market entry options assessment', fill clientName and targetMarket, and paste your facts into marketFacts with each figure's source beside it. When the answer comes back, highlight every number in it and find each one in what you pasted. Anything you cannot find should carry [ESTIMATE] or [ASSUMPTION]; if it does not, treat it as invented and either delete it or source it yourself. Redo one calculation by hand, such as a share or a growth rate. Finally, read 'Facts to verify': does it include the conflict between the two market sizes?",
    check: {
      question:
        'The answer says the market grows 6% a year. The figure is not in your facts and is not marked as an estimate. What do you do?',
      options: [
        {
          id: 'a',
          text: 'Keep it: the assistant has read a lot of market data, so it is probably right.',
          correct: false,
          feedback:
            'It may be close or it may be invented, and neither you nor the assistant can tell which. An unsourced growth rate on a board slide is the first thing a sceptical director will ask about.',
        },
        {
          id: 'b',
          text: 'Remove it, or find and cite a source yourself before it goes near a slide.',
          correct: true,
          feedback:
            'Right. A figure is only as good as the source you can show. If growth matters to the recommendation, ask your analyst to find it in a report you can cite; otherwise leave it out.',
        },
        {
          id: 'c',
          text: 'Ask the assistant where the figure came from and cite the source it names.',
          correct: false,
          feedback:
            'It can name a report that sounds right but does not exist or does not say that. Only a source you have opened and read counts as a source.',
        },
        {
          id: 'd',
          text: "Soften it to 'around 5 to 7%' so that it is less precise and therefore safer.",
          correct: false,
          feedback:
            'A vaguer invented number is still invented. The range looks more careful, which makes it more likely to survive review unchecked.',
        },
      ],
    },
    reflection:
      'Where in your current engagement would an invented figure do the most damage, and at which point in your process would you have caught it?',
    status: 'published',
  },
  {
    id: 'consulting-w3-clean-workshop-notes',
    jobFamilyId: 'consulting',
    week: 3,
    title: 'Clean workshop notes before you paste them',
    minutes: 5,
    taskId: 'sc-workshop-facilitation',
    promptId: 'p-workshop-readout',
    scenario:
      "Yesterday you ran a half-day operating model workshop with Brightmere Housing Group's leadership team. Your analyst has typed up fourteen flip charts and the sticky notes. Among the useful material are a note saying 'Sam (Head of Repairs) is the blocker, will not survive the restructure', a list of eleven named roles marked 'at risk', and a remark from the Finance Director about a loan covenant problem the board has not yet been told about. The sponsor wants the readout by tomorrow and the assistant can save you most of a day. But two things matter before you paste anything: where the notes go, and how much of them the readout actually needs. Judgements about named people, the at-risk list and the covenant remark are not needed for a readout, and they are exactly what must not end up in a document the sponsor forwards around the organisation.",
    tryIt:
      "Make a copy of the notes and edit it before opening 'Workshop readout from raw notes': replace names with roles where the view matters ('a senior leader'), delete the list of roles at risk, and take out the covenant remark (raise it with your engagement manager instead). Paste the cleaned notes into rawNotes in the firm's approved assistant, signed in with your Northwind account, never a personal or free public tool. In the answer, search for every person's name and every figure: the readout should attribute nothing to named people and should record no decision the room did not take.",
    check: {
      question: 'Which approach best protects the client while still getting a useful readout?',
      options: [
        {
          id: 'a',
          text: 'Paste everything: the approved assistant is secure, so nothing needs removing.',
          correct: false,
          feedback:
            "The approved assistant keeps the notes within the firm's controls, but the readout still does not need judgements about named people or the at-risk list. What you paste can reappear in the output, and the output gets forwarded.",
        },
        {
          id: 'b',
          text: "Use a free public chatbot on your phone so the notes stay off the client's systems.",
          correct: false,
          feedback:
            "This is the opposite of safe: a public tool sits outside the firm's contracts and controls, and client agreements almost always forbid sharing their information that way.",
        },
        {
          id: 'c',
          text: 'Remove names against views, the at-risk list and the covenant remark, then use the approved assistant.',
          correct: true,
          feedback:
            'Right. Give the assistant only what the task needs, in the tool the firm has approved. You keep the time saving and nothing sensitive can leak into the readout.',
        },
        {
          id: 'd',
          text: 'Do not use the assistant: confidential notes can never be used with AI.',
          correct: false,
          feedback:
            'The approved assistant exists for client work. The risk is managed by pasting less, not by banning the task, and banning it means the readout goes out a week late again.',
        },
      ],
    },
    reflection:
      'What in your notes from your last client meeting would you not want to see quoted back in a document the client forwards around their organisation?',
    status: 'published',
  },
  {
    id: 'consulting-w4-refine-the-exec-summary',
    jobFamilyId: 'consulting',
    week: 4,
    title: 'Improve a proposal draft with specific feedback',
    minutes: 5,
    taskId: 'sc-client-proposal',
    promptId: 'p-proposal-exec-summary',
    scenario:
      "Fenwick Foods has asked for proposals to cut waste across its three bakery sites. The brief says the COO has to show the board a 15% reduction in waste within a year, and the bid kick-off agreed two win themes: we have done this in food manufacturing before, and we work on the shop floor, not from a slide deck. The assistant's first draft of the executive summary is competent but flat. It opens with our firm, spends a paragraph on 'a holistic approach', and mentions the win themes only in the last line. It is 410 words against a limit of 300. Starting again from scratch will not fix this. Telling the assistant exactly what is wrong, and why, will.",
    tryIt:
      "Run 'Proposal executive summary from a client brief' with the brief, the two win themes and maxWords set to 300. Then reply in the same conversation with specific feedback, one point per line: 'Open with the COO's 15% target, not with us.' 'Replace \"holistic approach\" with the three phases and what each delivers.' 'Show the shop-floor theme in the approach, not only in the close.' Compare the versions: did the second keep what was good in the first? Count the words yourself, as assistants count badly. Check the [TO CONFIRM] markers are still there.",
    check: {
      question: 'Which follow-up message is most likely to improve the draft?',
      options: [
        {
          id: 'a',
          text: "'Make it better and more compelling.'",
          correct: false,
          feedback:
            "This gives no direction, so the assistant guesses what 'better' means, usually by adding adjectives. The missing target and the misplaced win themes stay as they were.",
        },
        {
          id: 'b',
          text: 'Deleting the conversation and running the prompt again for a fresh first draft.',
          correct: false,
          feedback:
            'You lose the parts that worked and get a new draft with new problems. Feedback on the draft you have is faster and converges; starting over is a lottery.',
        },
        {
          id: 'c',
          text: "'Lead with the COO's 15% target, cut the firm history, and show the shop-floor theme in the approach.'",
          correct: true,
          feedback:
            'Right. Each instruction names what to change and where, and ties it to what the client and the bid team care about. The assistant can act on all three in one round.',
        },
        {
          id: 'd',
          text: "'Rewrite it in the style of a top strategy firm.'",
          correct: false,
          feedback:
            'Imitating a style tends to bring in exactly the clichés the prompt tells it to avoid, and it does nothing about the missing target or the word count.',
        },
      ],
    },
    reflection:
      'What feedback did a partner last give on your writing that you could give the assistant up front next time?',
    status: 'published',
  },
  {
    id: 'consulting-w5-fill-the-sow-template',
    jobFamilyId: 'consulting',
    week: 5,
    title: 'Use a library template and its variables',
    minutes: 4,
    taskId: 'tc-statement-of-work',
    promptId: 'p-sow-deliverables',
    scenario:
      "Kestrel Rail has accepted your proposal for a discovery phase on its timetable planning system, and the commercial lead wants the statement of work draft by Wednesday. Last time, a colleague copied another team's SOW prompt from a chat thread, edited it by hand and left 'Harlow Water' in one of the deliverables. The library has a template for this: 'Statement of work: deliverables and acceptance criteria', with three variables: clientName, proposalScope and acceptanceDays. Variables are the parts that change each time; the rest is the tested instruction that stays the same. acceptanceDays has a default of 5 working days, which suits most clients. Kestrel's procurement team has asked for 10.",
    tryIt:
      "Insert the template from the library and fill the variables instead of editing the body: clientName 'Kestrel Rail', proposalScope with the scope section pasted from the signed proposal, and acceptanceDays 10. Leave the instructions alone; they are what make the acceptance criteria testable. In the answer, check that every deliverable has a 10-working-day acceptance period and that no deliverable appears which is not in the proposal. Read 'Points to clarify': each point is a question for the scoping call, not a gap for you to fill with a guess.",
    check: {
      question:
        'Kestrel wants a 10-day acceptance period. What is the right way to get it into the draft?',
      options: [
        {
          id: 'a',
          text: 'Leave the default and change the number in the draft afterwards.',
          correct: false,
          feedback:
            'This can work once, but the period appears against every deliverable and it is easy to miss one. A missed 5 in a signed SOW is a dispute waiting to happen.',
        },
        {
          id: 'b',
          text: 'Set the acceptanceDays variable to 10 when you fill in the template.',
          correct: true,
          feedback:
            'Right. That is what the variable is for: the value goes in once and the instructions apply it to every deliverable consistently, with the rest of the tested prompt untouched.',
        },
        {
          id: 'c',
          text: 'Edit the body of the library prompt so it always says 10 days.',
          correct: false,
          feedback:
            "That would change the template for every consultant, most of whose clients accept 5 days. Published prompts change through the owner's review, not for one client.",
        },
        {
          id: 'd',
          text: "Add 'Kestrel prefers ten days' at the end of the proposalScope text.",
          correct: false,
          feedback:
            'The prompt already states a default, so the assistant now has two conflicting instructions and may follow either. Rules belong in the variable meant for them, not buried in the material.',
        },
      ],
    },
    reflection:
      'What do you retype or paste into prompts every week that could be a variable in a library template?',
    status: 'published',
  },
  {
    id: 'consulting-w6-check-findings-for-bias',
    jobFamilyId: 'consulting',
    week: 6,
    title: 'Check findings for bias and blame',
    minutes: 5,
    taskId: 'tc-current-state-assessment',
    promptId: 'p-tech-findings-summary',
    scenario:
      "You are three weeks into a current-state assessment of Ardent Insurance's technology estate, with notes from eighteen interviews and a stack of architecture documents. The CIO said firmly that the policy administration system must be replaced. Four claims handlers said it works well once you know the workarounds, and the integration team did not mention it. The assistant's findings table opens with 'The policy administration system is not fit for purpose', rated high severity, and says 'the integration team has failed to maintain documentation'. Both sound plausible. The first leans on the most senior voice rather than the pattern of evidence; the second blames a team that will sit in the room at the playback.",
    tryIt:
      "Run 'Technology assessment findings by theme and severity' with your interview notes, using interviewees' roles rather than names. For each high-severity finding, ask: how many interviews support it, how many contradict it, and does the evidence column say so? Look for words that judge people, such as 'failed', 'poor' or 'resistant', and rewrite them as facts about the system or the process. Check that disagreements between sources appear as disagreements, not as one side's view. If a sentence would embarrass you in the playback with the client CIO, change it now.",
    check: {
      question:
        "The draft says 'the integration team has failed to maintain documentation'. What is the best rewrite?",
      options: [
        {
          id: 'a',
          text: "'Integration documentation was last updated in 2021 and does not show the four interfaces added since.'",
          correct: true,
          feedback:
            'Right. It states a fact anyone can check, blames nobody, and still points at the fix. The integration team can act on it without defending themselves first.',
        },
        {
          id: 'b',
          text: "'Some documentation may perhaps be slightly out of date in places.'",
          correct: false,
          feedback:
            'This removes the blame by removing the finding. Nobody at Ardent can act on it, and the evidence you gathered is wasted.',
        },
        {
          id: 'c',
          text: 'Keep it as written: it reflects what the interviews said.',
          correct: false,
          feedback:
            "The interviews said the documentation is old. 'Failed' is a judgement the assistant added, and it will put the integration team on the defensive in the playback.",
        },
        {
          id: 'd',
          text: 'Move it to an appendix so that the CIO is less likely to read it.',
          correct: false,
          feedback:
            'Hiding the finding does not fix its tone, and a buried finding loses its impact. The team it blames will find it anyway.',
        },
      ],
    },
    reflection:
      'In your last set of findings, whose view carried the most weight, and was that because of the evidence or because of who said it?',
    status: 'published',
  },
  {
    id: 'consulting-w7-chain-the-steering-pack',
    jobFamilyId: 'consulting',
    week: 7,
    title: 'Chain the steps of a steering committee pack',
    minutes: 5,
    taskId: 'sc-steering-pack',
    promptId: 'p-steerco-status',
    scenario:
      "Pellham Retail's store transformation steering committee meets on Thursday, and the pre-read must go out 48 hours before. You have six workstream updates in six formats (two emails, a spreadsheet, a Teams post and two slides) and new analysis of store labour costs. One giant prompt ('here is everything, make the pack') gives you a muddle. The pack is really three steps, each with a check: turn the updates into one consistent status table, build the storyline and action titles on top of it, then write the so-what for each new chart. The output of each step is the input to the next, so an error you miss in step one is repeated on every slide after it.",
    tryIt:
      "Step 1: run 'Steering committee status summary' with the six updates. Check the table before going on: is any workstream shown as [NO UPDATE]? Is the overall status green while a workstream is red? Fix it now. Step 2: paste the checked table and the labour cost findings into 'Slide storyline with action titles'. Check each action title is supported by something in the table. Step 3: for each new chart, use 'Chart so-what and commentary'. Notice where you spent your checking time; that is why the partner review will be quick.",
    check: {
      question:
        'Step 1 shows the supply chain workstream as green, but its update says a key supplier contract is two weeks late. What should you do?',
      options: [
        {
          id: 'a',
          text: 'Carry on to the storyline; the partner review will catch it.',
          correct: false,
          feedback:
            'By the partner review the green status is in the table, the storyline and the decisions page. Fixing it then means fixing it in three places, the night before the pre-read.',
        },
        {
          id: 'b',
          text: "Ask the storyline step to 'double-check the statuses' as well.",
          correct: false,
          feedback:
            'Mixing checking into the next prompt makes both jobs worse, and the assistant would check the statuses against its own earlier output, not against the supplier facts.',
        },
        {
          id: 'c',
          text: 'Run all three steps again as one combined prompt.',
          correct: false,
          feedback:
            'One combined prompt removes the checkpoints that let you see where an error came from. The same mistake can come back, and now it is harder to find.',
        },
        {
          id: 'd',
          text: 'Correct the status in the table now, then feed the corrected table into the next step.',
          correct: true,
          feedback:
            'Right. Check and fix at the end of each step, before anything is built on it. A two-minute correction now saves rework on every slide that uses the table.',
        },
      ],
    },
    reflection:
      'Which step in building your steering pack most needs a human check before anything else is built on it?',
    status: 'published',
  },
  {
    id: 'consulting-w8-share-what-works',
    jobFamilyId: 'consulting',
    week: 8,
    title: 'Teach a colleague and give your prompt back',
    minutes: 5,
    taskId: 'tc-vendor-selection',
    promptId: 'p-vendor-rfp-questions',
    scenario:
      "On Orwell County Council's housing system selection you used 'Vendor RFP questions from requirements' and added a line of your own: 'For each must requirement, also write the demo script step that would prove it.' The demo scripts saved two days and the council's panel liked them. Now Jonas, who joined the technology practice last month, is starting a CRM selection for another client and asks how you did it. Showing Jonas helps one person. Getting your improvement into the library helps the next twenty people who run a selection. Library prompts have owners: anyone can propose a change, and the owner reviews it before it is published.",
    tryIt:
      "Show Jonas the library prompt in this week's 20-minute practice session by running it live on two of his CRM requirements. Then propose your addition. Before you submit it, read your version as a stranger would: take out Orwell, the housing system and any council details, so the only client-specific parts are the variables (clientName, solutionType, requirements). Test it once on Jonas's requirements to show it works for a different selection. In the proposal note, say what you added and what it saved. Rate the original prompt too: ratings tell the owner what works.",
    check: {
      question: 'What should you do before proposing your improved prompt for the library?',
      options: [
        {
          id: 'a',
          text: 'Nothing: submit your exact version straight away so others benefit sooner.',
          correct: false,
          feedback:
            "Your exact version still contains Orwell's details, and nobody has seen it work on a second selection. The owner would have to send it back, which is slower in the end.",
        },
        {
          id: 'b',
          text: 'Keep it in your own notes and send it to people who ask.',
          correct: false,
          feedback:
            'Only people who know to ask will get it, and it disappears when you move engagement. The library keeps versions and ratings, and puts it in front of everyone who searches for vendor selection.',
        },
        {
          id: 'c',
          text: 'Add as many instructions as possible so it covers every kind of selection.',
          correct: false,
          feedback:
            'Longer is not better. A focused change that you have tested is easier for the owner to review and easier for colleagues to trust than a prompt that tries to do everything.',
        },
        {
          id: 'd',
          text: 'Remove client details, keep client-specific parts as variables, test it on a second case and explain the change.',
          correct: true,
          feedback:
            'Right. That turns your personal trick into a reusable template: safe to share, shown to work beyond one client, and with a note the owner can review quickly.',
        },
      ],
    },
    reflection:
      'Which prompt have you changed for your own use that your team would benefit from, and what is stopping you proposing it this week?',
    status: 'published',
  },
];
