import type { DemoWorkflowTask } from './types.js';

/**
 * The tasks each department of Northwind Partners mapped before anyone reached for an AI tool:
 * four per department, so every team sits inside the program's three-to-five band with room to add one.
 */
export const demoWorkflowTasks: readonly DemoWorkflowTask[] = [
  // Strategy Consulting
  {
    id: 'sc-client-proposal',
    departmentId: 'strategy-consulting',
    name: 'Write a client proposal',
    description:
      'Turn a client brief or RFP into a priced proposal: understanding of the problem, approach, team, timeline and fees, reviewed by a partner before it goes out.',
    steps: [
      { text: 'Read the brief and note the decision the client has to make', actor: 'Manager' },
      { text: 'Hold a 30-minute bid kick-off to agree the win themes', actor: 'Partner' },
      { text: 'Draft the understanding, approach and workplan sections', actor: 'Consultant' },
      { text: 'Pull team CVs and two relevant case studies', actor: 'Bid coordinator' },
      { text: 'Build the fee estimate from the staffing plan', actor: 'Manager' },
      { text: 'Review the full draft against the brief and the win themes', actor: 'Partner' },
      { text: 'Format, proofread and send with a cover email', actor: 'Bid coordinator' },
    ],
    handoffs: [
      {
        fromRole: 'Partner',
        toRole: 'Consultant',
        what: 'Win themes and the outline of the approach',
      },
      { fromRole: 'Consultant', toRole: 'Manager', what: 'First full draft for the fee build' },
      { fromRole: 'Manager', toRole: 'Partner', what: 'Priced draft for quality review' },
      {
        fromRole: 'Partner',
        toRole: 'Bid coordinator',
        what: 'Approved proposal for formatting and sending',
      },
    ],
    frictionPoints: [
      'Every proposal starts from a blank page or an old proposal with another client name left in',
      'The executive summary is written last, in a hurry, the night before the deadline',
      'Partner review comes late and forces a rewrite of the approach',
    ],
    aiOpportunities: [
      'Draft the executive summary from the brief and the win themes',
      'Check the draft against every requirement of the brief and list the gaps',
      'Suggest scope options at three price points from the workplan',
    ],
    baselineMinutes: 900,
    jobFamilyIds: ['consulting', 'client-management'],
  },
  {
    id: 'sc-workshop-facilitation',
    departmentId: 'strategy-consulting',
    name: 'Prepare and run a client workshop',
    description:
      'Design a half-day workshop with the client team, run it, and send a readout of the decisions and next steps within two days.',
    steps: [
      {
        text: 'Agree the workshop objective and attendees with the client sponsor',
        actor: 'Manager',
      },
      { text: 'Design the agenda, exercises and pre-reads', actor: 'Consultant' },
      { text: 'Prepare materials: slides, templates and sticky-note boards', actor: 'Analyst' },
      { text: 'Facilitate the session and capture outputs', actor: 'Consultant' },
      { text: 'Type up raw outputs and photos of the boards', actor: 'Analyst' },
      {
        text: 'Write and send the readout with decisions, open questions and owners',
        actor: 'Manager',
      },
    ],
    handoffs: [
      {
        fromRole: 'Client sponsor',
        toRole: 'Manager',
        what: 'Workshop objective and list of attendees',
      },
      {
        fromRole: 'Consultant',
        toRole: 'Analyst',
        what: 'Agenda and exercise design to build materials',
      },
      { fromRole: 'Analyst', toRole: 'Manager', what: 'Typed-up workshop outputs' },
      { fromRole: 'Manager', toRole: 'Client sponsor', what: 'Workshop readout' },
    ],
    frictionPoints: [
      'Typing up boards and flip charts takes longer than the workshop itself',
      'Readouts go out a week late, after the energy of the session has gone',
      'Agendas are reused without tailoring the exercises to the objective',
    ],
    aiOpportunities: [
      'Draft an agenda with timed exercises from the objective and attendee list',
      'Cluster raw workshop notes into themes, decisions and actions for the readout',
    ],
    baselineMinutes: 600,
    jobFamilyIds: ['consulting', 'analysis'],
  },
  {
    id: 'sc-steering-pack',
    departmentId: 'strategy-consulting',
    name: 'Build the steering committee pack',
    description:
      'Prepare the monthly steering committee pack: progress against plan, key findings, risks, decisions needed, and the story that ties them together.',
    steps: [
      { text: 'Collect workstream updates and the latest plan', actor: 'Manager' },
      { text: 'Update the progress, RAG status and milestone slides', actor: 'Analyst' },
      { text: 'Write the storyline and the decisions the committee must take', actor: 'Manager' },
      { text: 'Turn new analysis into charts with a clear so-what', actor: 'Consultant' },
      { text: 'Review the pack with the partner and client lead', actor: 'Partner' },
      { text: 'Circulate the pre-read 48 hours before the meeting', actor: 'Manager' },
    ],
    handoffs: [
      { fromRole: 'Workstream lead', toRole: 'Manager', what: 'Workstream status updates' },
      { fromRole: 'Analyst', toRole: 'Manager', what: 'Updated progress and milestone slides' },
      { fromRole: 'Manager', toRole: 'Partner', what: 'Draft pack for review' },
      { fromRole: 'Partner', toRole: 'Client lead', what: 'Final pre-read' },
    ],
    frictionPoints: [
      'Workstream updates arrive in different formats and late',
      'Packs grow to 60 slides and bury the decisions the committee has to take',
      'Chart titles describe the data instead of saying what it means',
    ],
    aiOpportunities: [
      'Summarise workstream updates into one consistent status table',
      'Propose a one-page storyline and action titles for each chart',
    ],
    baselineMinutes: 480,
    jobFamilyIds: ['consulting', 'analysis'],
  },
  {
    id: 'sc-market-entry-analysis',
    departmentId: 'strategy-consulting',
    name: 'Assess a market entry option',
    description:
      'Size a target market, assess competitors and entry routes, and recommend whether and how the client should enter.',
    steps: [
      { text: 'Frame the key question and the hypotheses to test', actor: 'Manager' },
      { text: 'Gather market size, growth and competitor data', actor: 'Analyst' },
      { text: 'Interview three to five industry experts', actor: 'Consultant' },
      { text: 'Assess entry routes: build, partner or buy', actor: 'Consultant' },
      { text: 'Write the recommendation with risks and next steps', actor: 'Manager' },
    ],
    handoffs: [
      { fromRole: 'Manager', toRole: 'Analyst', what: 'Hypothesis tree and data requests' },
      { fromRole: 'Analyst', toRole: 'Consultant', what: 'Market model and competitor table' },
      { fromRole: 'Consultant', toRole: 'Manager', what: 'Entry route assessment' },
    ],
    frictionPoints: [
      'Market sizes from different sources disagree and nobody records which was used',
      'Expert interview notes sit in personal folders and are hard to synthesise',
      'The recommendation is hedged because assumptions were never made explicit',
    ],
    aiOpportunities: [
      'Structure the entry routes into a comparable options table with criteria',
      'Draft the recommendation memo with assumptions flagged for checking',
    ],
    baselineMinutes: 1800,
    jobFamilyIds: ['consulting', 'analysis'],
  },

  // Technology Consulting
  {
    id: 'tc-statement-of-work',
    departmentId: 'technology-consulting',
    name: 'Draft a statement of work',
    description:
      'Turn an agreed proposal into a statement of work: scope, deliverables, acceptance criteria, assumptions, responsibilities and commercial terms.',
    steps: [
      { text: 'Take the agreed proposal and the notes from the scoping call', actor: 'Manager' },
      { text: 'Write deliverables with acceptance criteria', actor: 'Consultant' },
      { text: 'List assumptions, dependencies and client responsibilities', actor: 'Consultant' },
      { text: 'Check the SOW against the firm template and risk rules', actor: 'Commercial lead' },
      { text: 'Agree changes with the client', actor: 'Manager' },
      { text: 'Send for signature', actor: 'Partner' },
    ],
    handoffs: [
      { fromRole: 'Manager', toRole: 'Consultant', what: 'Agreed proposal and scoping notes' },
      { fromRole: 'Consultant', toRole: 'Commercial lead', what: 'Draft SOW for risk review' },
      {
        fromRole: 'Commercial lead',
        toRole: 'Manager',
        what: 'Risk comments and required clauses',
      },
      { fromRole: 'Partner', toRole: 'Client', what: 'SOW for signature' },
    ],
    frictionPoints: [
      'Acceptance criteria are vague, which later causes disputes over sign-off',
      'Assumptions from the proposal get lost on the way into the SOW',
      'Risk review finds missing clauses only days before the start date',
    ],
    aiOpportunities: [
      'Draft measurable acceptance criteria for each deliverable',
      'Extract assumptions and exclusions from the proposal and scoping notes',
      'Check the draft against the firm checklist and list what is missing',
    ],
    baselineMinutes: 360,
    jobFamilyIds: ['consulting'],
  },
  {
    id: 'tc-current-state-assessment',
    departmentId: 'technology-consulting',
    name: "Assess the client's current technology estate",
    description:
      'Interview stakeholders, review documentation and produce a current-state assessment of systems, integrations, pain points and risks.',
    steps: [
      { text: 'Request architecture diagrams, system lists and contracts', actor: 'Consultant' },
      { text: 'Interview business and IT stakeholders', actor: 'Consultant' },
      { text: 'Build the application inventory with owners and costs', actor: 'Analyst' },
      { text: 'Score each system on fit, risk and cost', actor: 'Consultant' },
      { text: 'Write up findings and quick wins', actor: 'Manager' },
      { text: 'Play back findings to the client CIO', actor: 'Partner' },
    ],
    handoffs: [
      { fromRole: 'Client IT', toRole: 'Consultant', what: 'System documentation and contracts' },
      { fromRole: 'Consultant', toRole: 'Analyst', what: 'Interview notes for the inventory' },
      { fromRole: 'Manager', toRole: 'Partner', what: 'Findings deck for the playback' },
    ],
    frictionPoints: [
      'Interview notes vary in quality and miss the same questions',
      'Documentation is out of date and contradicts what people say',
      'Findings are written as lists of problems with no priority',
    ],
    aiOpportunities: [
      'Generate a consistent interview guide per stakeholder type',
      'Summarise interview notes into findings grouped by theme and severity',
    ],
    baselineMinutes: 2400,
    jobFamilyIds: ['consulting', 'analysis'],
  },
  {
    id: 'tc-vendor-selection',
    departmentId: 'technology-consulting',
    name: 'Run a technology vendor selection',
    description:
      'Help the client choose a software vendor: requirements, RFP questions, scoring, demos and a recommendation.',
    steps: [
      { text: 'Gather and prioritise requirements with the client', actor: 'Consultant' },
      { text: 'Write the vendor RFP questions', actor: 'Consultant' },
      { text: 'Build the weighted scoring model', actor: 'Analyst' },
      { text: 'Score written responses and run scripted demos', actor: 'Consultant' },
      { text: 'Compare total cost of ownership', actor: 'Analyst' },
      { text: 'Recommend a preferred vendor and negotiation points', actor: 'Manager' },
    ],
    handoffs: [
      { fromRole: 'Client', toRole: 'Consultant', what: 'Business requirements' },
      { fromRole: 'Consultant', toRole: 'Vendor', what: 'RFP questions and demo script' },
      { fromRole: 'Analyst', toRole: 'Manager', what: 'Scores and cost comparison' },
      { fromRole: 'Manager', toRole: 'Client', what: 'Recommendation' },
    ],
    frictionPoints: [
      'Requirements are long lists with no priority, so every vendor scores the same',
      'Vendor answers are long and hard to compare side by side',
      'Scoring weights are argued over after the scores are known',
    ],
    aiOpportunities: [
      'Turn prioritised requirements into clear, testable RFP questions',
      'Summarise each vendor response against the same criteria',
    ],
    baselineMinutes: 3000,
    jobFamilyIds: ['consulting', 'analysis'],
  },
  {
    id: 'tc-weekly-status-report',
    departmentId: 'technology-consulting',
    name: 'Write the weekly delivery status report',
    description:
      'Report progress, RAG status, risks, issues and decisions needed to the client and the engagement partner every Friday.',
    steps: [
      { text: 'Collect updates from the delivery board and team leads', actor: 'Manager' },
      { text: 'Update the RAID log', actor: 'Consultant' },
      { text: 'Set the RAG status with a one-line reason', actor: 'Manager' },
      { text: 'Write the summary, next week and decisions needed', actor: 'Manager' },
      { text: 'Send to the client and partner', actor: 'Manager' },
    ],
    handoffs: [
      { fromRole: 'Team lead', toRole: 'Manager', what: 'Weekly progress and blockers' },
      { fromRole: 'Consultant', toRole: 'Manager', what: 'Updated RAID log' },
      { fromRole: 'Manager', toRole: 'Client', what: 'Status report' },
    ],
    frictionPoints: [
      'The report repeats the delivery board and hides what changed this week',
      'Statuses stay green until a problem is already late',
    ],
    aiOpportunities: [
      'Draft the report from board updates, highlighting changes since last week',
      'Challenge the RAG status against the risks and issues listed',
    ],
    baselineMinutes: 90,
    jobFamilyIds: ['consulting'],
  },

  // Financial Advisory
  {
    id: 'fa-due-diligence-review',
    departmentId: 'financial-advisory',
    name: 'Review a due diligence data room',
    description:
      'Work through the target company data room for a financial due diligence: request list, review, red flags and the findings report.',
    steps: [
      { text: 'Issue the information request list to the target', actor: 'Manager' },
      { text: 'Index the data room and track what is missing', actor: 'Analyst' },
      { text: 'Review financial statements, contracts and management accounts', actor: 'Analyst' },
      { text: 'Log red flags and questions for management', actor: 'Consultant' },
      { text: 'Hold the management Q&A session', actor: 'Manager' },
      { text: 'Write the findings report', actor: 'Consultant' },
      { text: 'Partner review and issue to the client', actor: 'Partner' },
    ],
    handoffs: [
      { fromRole: 'Manager', toRole: 'Target management', what: 'Information request list' },
      { fromRole: 'Analyst', toRole: 'Consultant', what: 'Review notes and open questions' },
      { fromRole: 'Consultant', toRole: 'Partner', what: 'Draft findings report' },
    ],
    frictionPoints: [
      'Request lists are rebuilt from old deals and miss sector-specific items',
      'Hundreds of documents to read under a tight exclusivity deadline',
      'Red flags are logged in different places by different reviewers',
      'Questions for management are duplicated or unclear',
    ],
    aiOpportunities: [
      'Draft a sector-specific information request list',
      'Summarise long documents and flag items that need a human reviewer',
      'Merge and de-duplicate questions for management',
    ],
    baselineMinutes: 4800,
    jobFamilyIds: ['analysis', 'consulting'],
  },
  {
    id: 'fa-financial-model',
    departmentId: 'financial-advisory',
    name: 'Build and review a financial model',
    description:
      'Build a three-statement or cash-flow model for a client decision, document its assumptions and get it reviewed before figures are used.',
    steps: [
      { text: 'Agree the model purpose, scenarios and outputs', actor: 'Manager' },
      { text: 'Collect historical data and assumptions', actor: 'Analyst' },
      { text: 'Build the model following the firm modelling standard', actor: 'Analyst' },
      { text: 'Document every assumption with its source', actor: 'Analyst' },
      { text: 'Run the review checklist and fix errors', actor: 'Consultant' },
      { text: 'Write the outputs summary for the client', actor: 'Manager' },
    ],
    handoffs: [
      { fromRole: 'Manager', toRole: 'Analyst', what: 'Model specification' },
      { fromRole: 'Analyst', toRole: 'Consultant', what: 'Model for review' },
      { fromRole: 'Consultant', toRole: 'Manager', what: 'Reviewed model and issues log' },
    ],
    frictionPoints: [
      'Assumptions are buried in cells with no source',
      'Reviews happen late and find structural errors',
      'Explaining complex formulas to the next person takes hours',
    ],
    aiOpportunities: [
      'Explain formulas and suggest simpler structures',
      'Draft the assumptions log and the review checklist',
      'Write the narrative on sensitivities from the output tables',
    ],
    baselineMinutes: 1200,
    jobFamilyIds: ['analysis'],
  },
  {
    id: 'fa-board-paper',
    departmentId: 'financial-advisory',
    name: 'Write a board paper on a transaction',
    description:
      "Prepare a board paper that sets out a proposed transaction, its rationale, financial impact, risks and the decision the client's board is asked to take.",
    steps: [
      { text: 'Agree the decision sought and the board paper template', actor: 'Partner' },
      { text: 'Draft background, rationale and options', actor: 'Consultant' },
      { text: 'Insert financial impact from the model', actor: 'Analyst' },
      { text: 'Write the risks and mitigations section', actor: 'Consultant' },
      { text: 'Review with the client CFO and company secretary', actor: 'Manager' },
    ],
    handoffs: [
      { fromRole: 'Partner', toRole: 'Consultant', what: 'Decision sought and paper outline' },
      { fromRole: 'Analyst', toRole: 'Consultant', what: 'Financial impact tables' },
      { fromRole: 'Manager', toRole: 'Client CFO', what: 'Draft board paper' },
    ],
    frictionPoints: [
      'Papers run long and the decision is on page nine',
      'Figures in the paper drift from the latest model version',
    ],
    aiOpportunities: [
      'Draft an executive summary that leads with the decision sought',
      'Cross-check figures quoted in the text against the tables supplied',
    ],
    baselineMinutes: 720,
    jobFamilyIds: ['consulting', 'analysis'],
  },
  {
    id: 'fa-valuation-memo',
    departmentId: 'financial-advisory',
    name: 'Write a valuation summary memo',
    description:
      'Summarise a valuation: methods used, key assumptions, ranges, sensitivities and caveats, for a client or internal committee.',
    steps: [
      { text: 'Run the valuation methods and reconcile the results', actor: 'Analyst' },
      { text: 'Prepare the football-field chart and sensitivity tables', actor: 'Analyst' },
      { text: 'Draft the memo: scope, methods, range and caveats', actor: 'Consultant' },
      { text: 'Technical review by the valuations lead', actor: 'Manager' },
      { text: 'Issue the memo', actor: 'Partner' },
    ],
    handoffs: [
      { fromRole: 'Analyst', toRole: 'Consultant', what: 'Valuation outputs and sensitivities' },
      { fromRole: 'Consultant', toRole: 'Manager', what: 'Draft memo for technical review' },
      { fromRole: 'Manager', toRole: 'Partner', what: 'Reviewed memo for sign-off' },
    ],
    frictionPoints: [
      'Caveats are copied from old memos and do not fit the engagement',
      'Sensitivities are shown but not explained',
    ],
    aiOpportunities: [
      'Turn sensitivity tables into a short, plain-English narrative',
      'Draft engagement-specific scope limitations and caveats',
    ],
    baselineMinutes: 480,
    jobFamilyIds: ['analysis', 'consulting'],
  },

  // Risk and Compliance
  {
    id: 'rc-risk-register',
    departmentId: 'risk-compliance',
    name: 'Maintain a client risk register',
    description:
      'Identify, describe, score and assign owners to risks for a client programme, and keep the register current each month.',
    steps: [
      { text: 'Run a risk identification session with the client team', actor: 'Consultant' },
      { text: 'Write each risk as cause, event and consequence', actor: 'Analyst' },
      { text: 'Score likelihood and impact against the client scale', actor: 'Consultant' },
      { text: 'Agree owners and mitigating actions', actor: 'Manager' },
      { text: 'Review and update the register monthly', actor: 'Analyst' },
    ],
    handoffs: [
      { fromRole: 'Client team', toRole: 'Consultant', what: 'Raw risks from the workshop' },
      { fromRole: 'Analyst', toRole: 'Manager', what: 'Scored draft register' },
      { fromRole: 'Manager', toRole: 'Risk owner', what: 'Assigned risks and actions' },
    ],
    frictionPoints: [
      'Risks are written as vague worries such as "resourcing" with no cause or consequence',
      'Scores are inconsistent between reviewers',
      'Mitigations are not specific enough to track',
    ],
    aiOpportunities: [
      'Rewrite raw risks in cause-event-consequence form with suggested mitigations',
      'Flag duplicated or overlapping risks in the register',
    ],
    baselineMinutes: 300,
    jobFamilyIds: ['consulting', 'analysis'],
  },
  {
    id: 'rc-policy-gap-analysis',
    departmentId: 'risk-compliance',
    name: 'Analyse policy gaps against a regulation',
    description:
      "Compare a client's policies and procedures with a regulation or standard, list the gaps and recommend remediation.",
    steps: [
      { text: 'Break the regulation into individual requirements', actor: 'Analyst' },
      { text: 'Collect the client policies and procedures', actor: 'Consultant' },
      { text: 'Map each requirement to policy clauses', actor: 'Analyst' },
      { text: 'Rate each gap and recommend remediation', actor: 'Consultant' },
      { text: 'Review findings with the client compliance officer', actor: 'Manager' },
    ],
    handoffs: [
      { fromRole: 'Client compliance', toRole: 'Consultant', what: 'Policies and procedures' },
      { fromRole: 'Analyst', toRole: 'Consultant', what: 'Requirement-to-policy mapping' },
      { fromRole: 'Manager', toRole: 'Client compliance', what: 'Gap report' },
    ],
    frictionPoints: [
      'Splitting long regulations into requirements is slow and error-prone',
      'Mapping tables are done in spreadsheets that nobody else can follow',
      'Recommendations are generic and not tied to the client context',
    ],
    aiOpportunities: [
      'Extract a numbered list of requirements from regulatory text',
      'Draft a first mapping of requirements to policy clauses for a human to verify',
    ],
    baselineMinutes: 1440,
    jobFamilyIds: ['consulting', 'analysis'],
  },
  {
    id: 'rc-control-testing',
    departmentId: 'risk-compliance',
    name: 'Test controls and write up the evidence',
    description:
      'Test the design and operation of controls, record evidence and write exceptions in a consistent form for the client.',
    steps: [
      { text: 'Agree the control list and testing approach', actor: 'Manager' },
      { text: 'Request samples and evidence', actor: 'Analyst' },
      { text: 'Test each sample and record the result', actor: 'Analyst' },
      { text: 'Write up exceptions with root cause and impact', actor: 'Analyst' },
      { text: 'Review working papers', actor: 'Consultant' },
      { text: 'Agree management responses', actor: 'Manager' },
    ],
    handoffs: [
      { fromRole: 'Control owner', toRole: 'Analyst', what: 'Evidence samples' },
      { fromRole: 'Analyst', toRole: 'Consultant', what: 'Working papers and exceptions' },
      { fromRole: 'Manager', toRole: 'Control owner', what: 'Exceptions for management response' },
    ],
    frictionPoints: [
      'Exception write-ups vary in quality and have to be rewritten in review',
      'Chasing evidence takes longer than testing it',
    ],
    aiOpportunities: [
      'Draft exception write-ups in the standard condition-criteria-cause-effect form',
      'Draft polite, specific evidence requests to control owners',
    ],
    baselineMinutes: 600,
    jobFamilyIds: ['analysis'],
  },
  {
    id: 'rc-regulatory-update',
    departmentId: 'risk-compliance',
    name: 'Brief clients on a regulatory change',
    description:
      'Read a new regulation or consultation, summarise what changes and who it affects, and send a briefing to clients.',
    steps: [
      { text: 'Spot the new regulation or consultation', actor: 'Analyst' },
      { text: 'Read and summarise the main changes and dates', actor: 'Analyst' },
      { text: 'Assess which clients and sectors are affected', actor: 'Consultant' },
      { text: 'Draft the client briefing', actor: 'Consultant' },
      { text: 'Partner review and send to clients', actor: 'Partner' },
    ],
    handoffs: [
      { fromRole: 'Analyst', toRole: 'Consultant', what: 'Summary of the changes' },
      { fromRole: 'Consultant', toRole: 'Partner', what: 'Draft briefing' },
      { fromRole: 'Partner', toRole: 'Client manager', what: 'Approved briefing for distribution' },
    ],
    frictionPoints: [
      'Regulatory texts are long and the changes from the old rules are hard to isolate',
      'Briefings go out after competitors have already sent theirs',
    ],
    aiOpportunities: [
      'Summarise what changed, for whom and by when, with paragraph references',
      'Tailor the briefing for each client sector',
    ],
    baselineMinutes: 360,
    jobFamilyIds: ['consulting', 'analysis'],
  },

  // Research and Insights
  {
    id: 'ri-research-summary',
    departmentId: 'research-insights',
    name: 'Write a desk research summary',
    description:
      'Answer a research question from an engagement team with a sourced summary of public information, within two days.',
    steps: [
      { text: 'Clarify the question, scope and deadline with the requester', actor: 'Analyst' },
      { text: 'Search databases, reports and news', actor: 'Analyst' },
      { text: 'Assess the credibility and date of each source', actor: 'Analyst' },
      { text: 'Write the summary with sources', actor: 'Analyst' },
      { text: 'Peer review by a senior researcher', actor: 'Research lead' },
      { text: 'Send to the engagement team', actor: 'Analyst' },
    ],
    handoffs: [
      { fromRole: 'Consultant', toRole: 'Analyst', what: 'Research request' },
      { fromRole: 'Analyst', toRole: 'Research lead', what: 'Draft summary for review' },
      { fromRole: 'Analyst', toRole: 'Consultant', what: 'Final sourced summary' },
    ],
    frictionPoints: [
      'Requests are vague, so the first draft answers the wrong question',
      'Sources are not recorded well enough to check later',
      'Summaries are long and do not lead with the answer',
    ],
    aiOpportunities: [
      'Sharpen the research question and list sub-questions before searching',
      'Summarise collected sources into an answer-first brief with citations',
    ],
    baselineMinutes: 480,
    jobFamilyIds: ['analysis'],
  },
  {
    id: 'ri-interview-synthesis',
    departmentId: 'research-insights',
    name: 'Synthesise expert and customer interviews',
    description:
      'Plan and run a set of interviews, then turn the notes into themes, evidence and implications for the engagement.',
    steps: [
      { text: 'Write the interview guide for the hypotheses', actor: 'Analyst' },
      { text: 'Recruit and schedule interviewees', actor: 'Research coordinator' },
      { text: 'Run and record the interviews', actor: 'Analyst' },
      { text: 'Clean the notes and tag quotes', actor: 'Analyst' },
      { text: 'Synthesise themes and implications', actor: 'Analyst' },
      { text: 'Present the synthesis to the engagement team', actor: 'Research lead' },
    ],
    handoffs: [
      { fromRole: 'Consultant', toRole: 'Analyst', what: 'Hypotheses to test' },
      { fromRole: 'Research coordinator', toRole: 'Analyst', what: 'Interview schedule' },
      { fromRole: 'Analyst', toRole: 'Consultant', what: 'Synthesis and quote bank' },
    ],
    frictionPoints: [
      'Twenty sets of notes take two days to read and tag',
      'Synthesis favours the most memorable interview rather than the pattern',
      'Interview guides lead the witness',
    ],
    aiOpportunities: [
      'Draft a neutral interview guide from the hypotheses',
      'Cluster notes into themes with counts and supporting quotes',
    ],
    baselineMinutes: 1500,
    jobFamilyIds: ['analysis', 'consulting'],
  },
  {
    id: 'ri-survey-analysis',
    departmentId: 'research-insights',
    name: 'Design and analyse a survey',
    description:
      'Design a survey for a client question, field it, analyse closed and open answers, and report the findings.',
    steps: [
      { text: 'Agree objectives and the audience', actor: 'Research lead' },
      { text: 'Draft and pilot the questionnaire', actor: 'Analyst' },
      { text: 'Field the survey through the panel provider', actor: 'Research coordinator' },
      { text: 'Clean the data and run cross-tabs', actor: 'Analyst' },
      { text: 'Code open-text answers', actor: 'Analyst' },
      { text: 'Write the findings report', actor: 'Analyst' },
    ],
    handoffs: [
      { fromRole: 'Research lead', toRole: 'Analyst', what: 'Objectives and audience' },
      { fromRole: 'Research coordinator', toRole: 'Panel provider', what: 'Final questionnaire' },
      { fromRole: 'Panel provider', toRole: 'Analyst', what: 'Raw response data' },
    ],
    frictionPoints: [
      'Questionnaires contain leading or double-barrelled questions',
      'Coding thousands of open-text answers by hand takes days',
      'Findings report every cross-tab rather than the ones that matter',
    ],
    aiOpportunities: [
      'Review questionnaire wording for bias and ambiguity',
      'Propose a coding frame for open-text answers and apply it to a sample',
      'Draft an analysis plan that names the comparisons worth making',
    ],
    baselineMinutes: 2400,
    jobFamilyIds: ['analysis'],
  },
  {
    id: 'ri-competitor-profile',
    departmentId: 'research-insights',
    name: 'Build a competitor profile',
    description:
      "Profile a client's competitor: offer, customers, financials, strategy moves and what it means for the client.",
    steps: [
      { text: 'Agree the competitor list and the questions that matter', actor: 'Consultant' },
      { text: 'Gather annual reports, news, job ads and product pages', actor: 'Analyst' },
      { text: 'Fill in the profile template', actor: 'Analyst' },
      { text: 'Write the implications for the client', actor: 'Analyst' },
      { text: 'Review with the engagement manager', actor: 'Manager' },
    ],
    handoffs: [
      { fromRole: 'Consultant', toRole: 'Analyst', what: 'Competitor list and key questions' },
      { fromRole: 'Analyst', toRole: 'Manager', what: 'Draft profiles' },
    ],
    frictionPoints: [
      'Profiles collect facts but never say what they mean for the client',
      'Information goes stale and nobody notes the date',
    ],
    aiOpportunities: [
      'Structure gathered material into the profile template with dates and sources',
      'Draft the "so what for the client" section for review',
    ],
    baselineMinutes: 360,
    jobFamilyIds: ['analysis', 'client-management'],
  },

  // Client Development
  {
    id: 'cd-rfp-response',
    departmentId: 'client-development',
    name: 'Respond to an RFP',
    description:
      'Qualify an incoming request for proposal, build the compliance matrix, draft answers and submit a compliant, persuasive response on time.',
    steps: [
      { text: 'Decide bid or no-bid against the qualification criteria', actor: 'Client manager' },
      { text: 'Build the compliance matrix from the RFP', actor: 'Bid coordinator' },
      { text: 'Assign questions to subject-matter experts', actor: 'Bid coordinator' },
      { text: 'Draft answers from the content library', actor: 'Consultant' },
      { text: 'Edit for one voice and the win themes', actor: 'Client manager' },
      { text: 'Final compliance check and submission', actor: 'Bid coordinator' },
    ],
    handoffs: [
      {
        fromRole: 'Client manager',
        toRole: 'Bid coordinator',
        what: 'Bid decision and win themes',
      },
      {
        fromRole: 'Bid coordinator',
        toRole: 'Consultant',
        what: 'Assigned questions with word limits',
      },
      { fromRole: 'Consultant', toRole: 'Client manager', what: 'Draft answers' },
    ],
    frictionPoints: [
      'Requirements buried in long RFP documents get missed',
      'Experts answer late and in very different styles',
      'Past answers are hard to find and often out of date',
    ],
    aiOpportunities: [
      'Extract every requirement and deadline into a compliance matrix',
      'Draft answers from past responses, tailored to the question and word limit',
    ],
    baselineMinutes: 2400,
    jobFamilyIds: ['client-management', 'consulting'],
  },
  {
    id: 'cd-account-plan',
    departmentId: 'client-development',
    name: 'Write the annual account plan',
    description:
      'Plan the year for a key client: relationship map, client priorities, opportunities, revenue goals and actions.',
    steps: [
      { text: 'Review last year: revenue, projects and client feedback', actor: 'Client manager' },
      { text: "Research the client's strategy and recent news", actor: 'Analyst' },
      { text: 'Map stakeholders and relationship strength', actor: 'Client manager' },
      { text: 'List opportunities and sizing', actor: 'Client manager' },
      { text: 'Agree goals and actions with the account partner', actor: 'Partner' },
    ],
    handoffs: [
      { fromRole: 'Analyst', toRole: 'Client manager', what: 'Client research brief' },
      { fromRole: 'Client manager', toRole: 'Partner', what: 'Draft account plan' },
    ],
    frictionPoints: [
      'Account plans are written once a year and then forgotten',
      "Relationship knowledge lives in people's heads",
      'Opportunities are not linked to what the client says it needs',
    ],
    aiOpportunities: [
      'Summarise client annual reports into priorities and likely needs',
      'Draft a stakeholder map and contact plan from CRM notes',
    ],
    baselineMinutes: 480,
    jobFamilyIds: ['client-management'],
  },
  {
    id: 'cd-meeting-follow-up',
    departmentId: 'client-development',
    name: 'Write up a client meeting and follow up',
    description:
      'After a client meeting, record notes and actions in the CRM and send a follow-up email the same day.',
    steps: [
      { text: 'Prepare a one-page brief before the meeting', actor: 'Client manager' },
      { text: 'Take notes during the meeting', actor: 'Client manager' },
      { text: 'Write up notes, decisions and actions', actor: 'Client manager' },
      { text: 'Log the meeting and actions in the CRM', actor: 'Client manager' },
      { text: 'Send the follow-up email to the client', actor: 'Client manager' },
      { text: 'Brief the delivery team on commitments made', actor: 'Client manager' },
    ],
    handoffs: [
      { fromRole: 'Client manager', toRole: 'Client', what: 'Follow-up email with actions' },
      { fromRole: 'Client manager', toRole: 'Consultant', what: 'Commitments made to the client' },
    ],
    frictionPoints: [
      'Follow-ups go out days later or not at all',
      'CRM notes are too thin to be useful to colleagues',
      'Actions promised in the meeting are not passed to the delivery team',
    ],
    aiOpportunities: [
      'Turn rough notes into structured notes with owners and dates',
      "Draft the follow-up email in the firm's tone from the notes",
    ],
    baselineMinutes: 60,
    jobFamilyIds: ['client-management', 'consulting'],
  },
  {
    id: 'cd-pitch-preparation',
    departmentId: 'client-development',
    name: 'Prepare a pitch meeting',
    description:
      'Prepare the storyline, credentials and team for a competitive pitch and rehearse the likely questions.',
    steps: [
      { text: 'Debrief what the client wants from the pitch', actor: 'Client manager' },
      { text: 'Draft the pitch storyline', actor: 'Consultant' },
      { text: 'Select and tailor case studies', actor: 'Bid coordinator' },
      { text: 'Build the slides', actor: 'Analyst' },
      { text: 'Rehearse and prepare answers to hard questions', actor: 'Partner' },
    ],
    handoffs: [
      {
        fromRole: 'Client manager',
        toRole: 'Consultant',
        what: 'Client expectations and decision makers',
      },
      { fromRole: 'Bid coordinator', toRole: 'Analyst', what: 'Tailored case studies' },
      { fromRole: 'Consultant', toRole: 'Partner', what: 'Pitch deck for rehearsal' },
    ],
    frictionPoints: [
      "Case studies are generic and not about the client's problem",
      'Rehearsal happens the morning of the pitch, if at all',
    ],
    aiOpportunities: [
      "Tailor case studies to the client's situation",
      'Generate likely objections and tough questions to rehearse',
    ],
    baselineMinutes: 720,
    jobFamilyIds: ['client-management', 'consulting'],
  },

  // Finance and Operations
  {
    id: 'fo-month-end-close',
    departmentId: 'finance-operations',
    name: 'Close the month and explain the variances',
    description:
      'Close the books each month: reconcile balance sheet accounts, post adjustments and write variance commentary for the management accounts.',
    steps: [
      { text: 'Run the ledger close checklist', actor: 'Finance officer' },
      { text: 'Reconcile bank, debtor and accrual accounts', actor: 'Finance officer' },
      { text: 'Investigate reconciling items and post adjustments', actor: 'Finance officer' },
      { text: 'Compare actuals with budget and last year', actor: 'Finance analyst' },
      { text: 'Write variance commentary', actor: 'Finance analyst' },
      { text: 'Review and sign off the management accounts', actor: 'Financial controller' },
    ],
    handoffs: [
      {
        fromRole: 'Finance officer',
        toRole: 'Finance analyst',
        what: 'Closed ledger and reconciliations',
      },
      {
        fromRole: 'Finance analyst',
        toRole: 'Financial controller',
        what: 'Management accounts with commentary',
      },
    ],
    frictionPoints: [
      'Reconciliation notes are terse and the next person cannot follow them',
      'Variance commentary restates the numbers instead of explaining them',
      'Budget holders are slow to explain their variances',
    ],
    aiOpportunities: [
      'Draft reconciliation notes from the reconciling items list',
      'Draft variance commentary that separates cause, timing and one-off effects',
    ],
    baselineMinutes: 960,
    jobFamilyIds: ['operations', 'analysis'],
  },
  {
    id: 'fo-expense-review',
    departmentId: 'finance-operations',
    name: 'Review expense claims',
    description:
      'Check expense claims against the travel and expenses policy, query exceptions and approve for payment.',
    steps: [
      { text: "Pull the week's submitted claims", actor: 'Finance officer' },
      { text: 'Check receipts, limits and project codes against policy', actor: 'Finance officer' },
      { text: 'Query exceptions with the claimant', actor: 'Finance officer' },
      { text: 'Escalate repeated breaches to the line manager', actor: 'Finance officer' },
      { text: 'Approve for the payment run', actor: 'Financial controller' },
    ],
    handoffs: [
      { fromRole: 'Claimant', toRole: 'Finance officer', what: 'Expense claim with receipts' },
      { fromRole: 'Finance officer', toRole: 'Claimant', what: 'Queries on exceptions' },
      {
        fromRole: 'Finance officer',
        toRole: 'Financial controller',
        what: 'Claims ready for payment',
      },
    ],
    frictionPoints: [
      'Policy rules are spread across three documents',
      'Query emails are curt and cause back-and-forth',
      'Project codes are wrong, so costs land on the wrong client',
    ],
    aiOpportunities: [
      "Check a claim's lines against the policy rules and list exceptions",
      'Draft friendly, specific query emails to claimants',
    ],
    baselineMinutes: 240,
    jobFamilyIds: ['operations'],
  },
  {
    id: 'fo-project-billing',
    departmentId: 'finance-operations',
    name: 'Review work in progress and bill clients',
    description:
      'Review unbilled time and expenses on each engagement with the engagement manager, raise invoices and handle client queries.',
    steps: [
      { text: 'Run the WIP report by engagement', actor: 'Billing analyst' },
      { text: 'Review WIP and write-offs with the engagement manager', actor: 'Manager' },
      { text: 'Prepare invoices with a narrative of the work done', actor: 'Billing analyst' },
      { text: 'Send invoices to the client', actor: 'Billing analyst' },
      { text: 'Resolve client invoice queries', actor: 'Client manager' },
    ],
    handoffs: [
      { fromRole: 'Billing analyst', toRole: 'Manager', what: 'WIP report for review' },
      {
        fromRole: 'Manager',
        toRole: 'Billing analyst',
        what: 'Approved billing amounts and narrative',
      },
      { fromRole: 'Client', toRole: 'Client manager', what: 'Invoice queries' },
    ],
    frictionPoints: [
      'Engagement managers delay WIP reviews, so billing slips into next month',
      'Invoice narratives are vague and trigger client queries',
      'Queries bounce between finance and the engagement team',
    ],
    aiOpportunities: [
      'Summarise WIP by engagement with items that need a decision',
      'Draft clear invoice narratives and replies to invoice queries',
    ],
    baselineMinutes: 300,
    jobFamilyIds: ['operations', 'client-management'],
  },
  {
    id: 'fo-vendor-onboarding',
    departmentId: 'finance-operations',
    name: 'Onboard a new supplier',
    description:
      'Take a new supplier from request to approved: due diligence, contract, data protection and set-up in the finance system.',
    steps: [
      { text: 'Receive the supplier request with business case', actor: 'Requester' },
      { text: 'Send due diligence and security questions', actor: 'Procurement officer' },
      { text: 'Review answers, certificates and insurance', actor: 'Procurement officer' },
      { text: 'Agree contract and data processing terms', actor: 'Legal counsel' },
      { text: 'Set up the supplier and bank details after verification', actor: 'Finance officer' },
    ],
    handoffs: [
      { fromRole: 'Requester', toRole: 'Procurement officer', what: 'Supplier request' },
      { fromRole: 'Procurement officer', toRole: 'Legal counsel', what: 'Due diligence results' },
      { fromRole: 'Legal counsel', toRole: 'Finance officer', what: 'Signed contract for set-up' },
    ],
    frictionPoints: [
      'The same questions are sent to a small caterer and a cloud provider',
      'Requesters do not know what is needed, so requests stall',
      'Bank detail changes are a fraud risk when checks are rushed',
    ],
    aiOpportunities: [
      "Tailor due diligence questions to the supplier's risk level",
      'Draft a checklist for requesters of what to provide',
    ],
    baselineMinutes: 420,
    jobFamilyIds: ['operations'],
  },

  // People and Talent
  {
    id: 'pt-job-description',
    departmentId: 'people-talent',
    name: 'Write a job description and advert',
    description:
      "Turn a hiring manager's request into an accurate job description and an inclusive advert, approved and posted.",
    steps: [
      { text: 'Take the brief from the hiring manager', actor: 'Recruiter' },
      { text: 'Draft the job description against the grade framework', actor: 'Recruiter' },
      { text: 'Write the advert in plain, inclusive language', actor: 'Recruiter' },
      { text: 'Agree salary band with reward', actor: 'HR business partner' },
      { text: 'Approve and post', actor: 'Hiring manager' },
    ],
    handoffs: [
      { fromRole: 'Hiring manager', toRole: 'Recruiter', what: 'Role brief' },
      { fromRole: 'Recruiter', toRole: 'HR business partner', what: 'Job description for grading' },
      { fromRole: 'Recruiter', toRole: 'Hiring manager', what: 'Advert for approval' },
    ],
    frictionPoints: [
      'Job descriptions list every possible task and deter good applicants',
      'Adverts use jargon and gendered wording',
    ],
    aiOpportunities: [
      "Draft a focused job description from the hiring manager's notes",
      'Check an advert for exclusionary wording and suggest alternatives',
    ],
    baselineMinutes: 180,
    jobFamilyIds: ['operations'],
  },
  {
    id: 'pt-interview-process',
    departmentId: 'people-talent',
    name: 'Run structured interviews and the debrief',
    description:
      'Prepare competency-based interview guides, brief interviewers, collect scores and run a fair debrief.',
    steps: [
      { text: 'Choose the competencies to assess', actor: 'Hiring manager' },
      { text: 'Write questions and scoring guides', actor: 'Recruiter' },
      { text: 'Brief the interview panel', actor: 'Recruiter' },
      { text: 'Interview and score independently', actor: 'Interviewer' },
      { text: 'Run the debrief and record the decision', actor: 'Recruiter' },
      { text: 'Send the outcome and feedback to the candidate', actor: 'Recruiter' },
    ],
    handoffs: [
      { fromRole: 'Hiring manager', toRole: 'Recruiter', what: 'Competencies to assess' },
      { fromRole: 'Recruiter', toRole: 'Interviewer', what: 'Interview guide and scoring guide' },
      { fromRole: 'Interviewer', toRole: 'Recruiter', what: 'Scores and evidence' },
    ],
    frictionPoints: [
      'Interviewers improvise questions, so candidates are not compared fairly',
      'Debrief notes record opinions rather than evidence',
      'Candidate feedback is generic or never sent',
    ],
    aiOpportunities: [
      'Draft competency questions with probes and scoring anchors',
      'Summarise interviewer evidence by competency for the debrief',
    ],
    baselineMinutes: 360,
    jobFamilyIds: ['operations'],
  },
  {
    id: 'pt-new-joiner-onboarding',
    departmentId: 'people-talent',
    name: 'Onboard a new joiner',
    description:
      'Prepare everything a new joiner needs for the first 90 days: equipment, accounts, induction, buddy and objectives.',
    steps: [
      { text: 'Trigger onboarding when the contract is signed', actor: 'HR coordinator' },
      { text: 'Order equipment and accounts', actor: 'IT support' },
      { text: 'Book induction sessions and assign a buddy', actor: 'HR coordinator' },
      { text: 'Write the 30-60-90 day plan', actor: 'Line manager' },
      { text: 'Send the welcome email', actor: 'HR coordinator' },
      { text: 'Check in at day 30 and day 90', actor: 'HR business partner' },
    ],
    handoffs: [
      { fromRole: 'HR coordinator', toRole: 'IT support', what: 'Equipment and access request' },
      { fromRole: 'HR coordinator', toRole: 'Line manager', what: 'Onboarding checklist' },
      { fromRole: 'Line manager', toRole: 'New joiner', what: '30-60-90 day plan' },
    ],
    frictionPoints: [
      'Laptops and access are not ready on day one',
      'Line managers write no plan, so the first weeks drift',
    ],
    aiOpportunities: [
      'Draft a role-specific 30-60-90 day plan',
      'Draft a warm, specific welcome email with first-week logistics',
    ],
    baselineMinutes: 240,
    jobFamilyIds: ['operations'],
  },
  {
    id: 'pt-policy-update',
    departmentId: 'people-talent',
    name: 'Update a people policy and tell staff',
    description:
      'Revise a people policy, get it approved and explain the change to 900 staff in language they will read.',
    steps: [
      { text: 'Identify the change needed and the legal position', actor: 'HR business partner' },
      { text: 'Redraft the policy', actor: 'HR business partner' },
      { text: 'Consult with legal and the employee forum', actor: 'HR business partner' },
      { text: 'Approve at the leadership meeting', actor: 'People director' },
      { text: 'Write a plain-English summary and FAQs', actor: 'Internal communications' },
      { text: 'Publish and brief line managers', actor: 'Internal communications' },
    ],
    handoffs: [
      { fromRole: 'HR business partner', toRole: 'Legal counsel', what: 'Draft policy for review' },
      { fromRole: 'People director', toRole: 'Internal communications', what: 'Approved policy' },
      {
        fromRole: 'Internal communications',
        toRole: 'Line manager',
        what: 'Manager briefing and FAQs',
      },
    ],
    frictionPoints: [
      'Policies are written in legal language staff skip',
      'Managers get the same questions many times because there are no FAQs',
      'Announcements do not say what changes for whom and from when',
    ],
    aiOpportunities: [
      'Summarise a policy into what changes, for whom and from when',
      'Draft FAQs and a manager briefing from the policy text',
    ],
    baselineMinutes: 600,
    jobFamilyIds: ['operations'],
  },
];
