#!/usr/bin/env python3
"""Generate the example answer and target files in examples/.

Three fictional councils answer the shipped questionnaires:

  Eastmere London Borough Council (fictional)   council-full, 2025 and 2026
  Northwold District Council (fictional)        council-quick-check, 2026
  Ashby Vale County Council (fictional)         council-full, 2026
  Ashby Vale Children's Services (fictional)    childrens-services, 2026

Each respondent gets a "true" level per dimension from the council's profile, plus
personal noise and a role bias (senior leaders a little more optimistic, frontline
staff a little less), and answers every question from that level. Conditions, "don't
know", "not applicable", blanks, evidence notes and confidence are all sprinkled in.

The output is deterministic: the random generators are seeded from fixed values, so
re-running the script rewrites byte-identical files.

Usage:  python3 scripts/make-examples.py [--out DIR] [--check] [--quiet]
        (--check writes nothing and exits 1 if a file is missing or out of date)
Standard library only; random.Random seeded with strings, which is stable across
Python 3 versions and platforms.
"""

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTIONNAIRE_DIR = ROOT / "questionnaires"
SEED = 20260331

DIMENSIONS = [
    "leadership", "culture", "skills", "governance", "data-management",
    "tools", "analytics", "collaboration", "use-impact", "security", "ai",
]

# How far each role's view sits from the council's "true" level, on average.
ROLE_BIAS = {
    "senior-leader": 0.35,
    "councillor": 0.20,
    "manager": 0.05,
    "analyst": -0.10,
    "frontline": -0.35,
}

# Dimensions some roles often cannot judge (more "don't know" answers there).
UNSURE = {
    "frontline": {"governance", "tools", "analytics", "data-management", "skills"},
    "councillor": {"tools", "data-management", "analytics", "skills"},
}

PERSON_SD = 0.30        # a respondent's general optimism or pessimism
PERSON_DIM_SD = 0.25    # their view of one dimension
QUESTION_SD = 0.55      # their answer to one question
BLANK_RATE = 0.015      # questions simply skipped
DONT_KNOW_RATE = 0.03   # "don't know", where allowed
DONT_KNOW_UNSURE = 0.11 # ... in a dimension the role often cannot judge
NA_RATE = 0.08          # "not applicable", where allowed
EVIDENCE_PROMPTED = 0.32  # evidence on a question with an evidence prompt
EVIDENCE_OTHER = 0.08     # evidence on any other question
EVIDENCE_UNPROMPTED = 0.15  # any question, in a questionnaire without evidence prompts
CONFIDENCE_RATE = 0.25
CONFIDENCE_VALUES = [0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 1.0]

# --------------------------------------------------------------------------------------
# Organisations and rounds

ORGANISATIONS = {
    "eastmere": {
        "id": "eastmere",
        "name": "Eastmere London Borough Council (fictional)",
        "type": "london-borough",
    },
    "northwold": {
        "id": "northwold",
        "name": "Northwold District Council (fictional)",
        "type": "district",
    },
    "ashby-vale": {
        "id": "ashby-vale",
        "name": "Ashby Vale County Council (fictional)",
        "type": "county",
    },
    "ashby-vale-childrens": {
        "id": "ashby-vale-childrens",
        "name": "Ashby Vale Children's Services (fictional)",
        "type": "department",
        "parent": "ashby-vale",
    },
}

# The profiles are each council's "true" level per dimension, before role bias and
# noise. They were tuned by hand so that the scored results (per-question medians of
# the sampled answers) tell the intended story; with a dozen respondents the medians
# move in steps, so a profile value and the score it produces can differ by a few
# tenths.
EASTMERE_2025 = {
    "leadership": 3.35, "culture": 3.4, "skills": 3.25, "governance": 3.45,
    "data-management": 3.1, "tools": 3.15, "analytics": 3.25, "collaboration": 3.4,
    "use-impact": 3.3, "security": 3.0, "ai": 2.2,
}
# 2026: leadership, data management, tools, analytics and use improve; skills slips
# (two senior analyst posts left vacant, fewer analysts).
EASTMERE_2026 = {
    "leadership": 3.9, "culture": 3.3, "skills": 3.0, "governance": 4.05,
    "data-management": 3.55, "tools": 4.1, "analytics": 3.6, "collaboration": 3.75,
    "use-impact": 3.5, "security": 3.4, "ai": 2.9,
}

ROLES_ORGANISATION = {"senior-leader": 2, "manager": 4, "analyst": 3, "frontline": 4, "councillor": 1.5}
ROLES_SMALL = {"senior-leader": 1.5, "manager": 3, "analyst": 1, "frontline": 2, "councillor": 1}
ROLES_CHILDRENS = {"senior-leader": 1.5, "manager": 3, "analyst": 2, "frontline": 3, "councillor": 0.5}

ROUNDS = [
    {
        "file": "eastmere-2025-full.json",
        "organisation": "eastmere",
        "questionnaire": ("council-full", "1.1"),
        "period": "2025",
        "respondents": (12, 16),
        "roles": ROLES_ORGANISATION,
        "always_roles": ["senior-leader", "manager", "analyst", "frontline", "councillor"],
        "profile": EASTMERE_2025,
        "facts": {"full-skills-analyst-rate": 6, "full-tools-bi-reach": 50},
        "named": True,
        "notes": "council",
        "na_rates": {"full-an-models": 0.25},
    },
    {
        "file": "eastmere-2026-full.json",
        "organisation": "eastmere",
        "questionnaire": ("council-full", "1.1"),
        "period": "2026",
        "respondents": (12, 16),
        "roles": ROLES_ORGANISATION,
        "always_roles": ["senior-leader", "manager", "analyst", "frontline", "councillor"],
        "profile": EASTMERE_2026,
        "facts": {"full-skills-analyst-rate": 5, "full-tools-bi-reach": 65},
        "named": True,
        "notes": "council",
        "na_rates": {"full-an-models": 0.2},
    },
    {
        "file": "northwold-2026-quick.json",
        "organisation": "northwold",
        "questionnaire": ("council-quick-check", "1.1"),
        "period": "2026",
        "respondents": (6, 8),
        "roles": ROLES_SMALL,
        "always_roles": ["senior-leader", "manager", "analyst", "frontline"],
        "profile": {
            "leadership": 2.5, "culture": 2.0, "skills": 1.4, "governance": 1.85,
            "data-management": 2.1, "tools": 1.2, "analytics": 1.85,
            "collaboration": 1.6, "use-impact": 1.9, "security": 1.8, "ai": 1.3,
        },
        "facts": {},
        "named": False,
        "notes": "district",
        "na_rates": {},
        "dont_know_scale": 1.3,  # few respondents, so a few more "don't know"s
    },
    {
        "file": "ashby-vale-2026-full.json",
        "organisation": "ashby-vale",
        "questionnaire": ("council-full", "1.1"),
        "period": "2026",
        "respondents": (10, 14),
        "roles": ROLES_ORGANISATION,
        "always_roles": ["senior-leader", "manager", "analyst", "frontline", "councillor"],
        "profile": {
            "leadership": 3.0, "culture": 2.5, "skills": 2.7, "governance": 3.5,
            "data-management": 3.1, "tools": 2.15, "analytics": 2.0,
            "collaboration": 3.0, "use-impact": 2.6, "security": 2.9, "ai": 1.9,
        },
        "facts": {"full-skills-analyst-rate": 2, "full-tools-bi-reach": 18},
        "named": False,
        "notes": "council",
        "na_rates": {"full-tools-warehouse": 0.3, "full-an-models": 0.4},
        "dont_know_scale": 0.8,
    },
    {
        "file": "ashby-vale-childrens-2026.json",
        "organisation": "ashby-vale-childrens",
        "questionnaire": ("childrens-services", "1.1"),
        "period": "2026",
        "respondents": (8, 10),
        "roles": ROLES_CHILDRENS,
        "always_roles": ["senior-leader", "manager", "analyst", "frontline"],
        "profile": {
            "leadership": 3.0, "culture": 2.8, "skills": 2.7, "governance": 3.7,
            "data-management": 3.6, "tools": 2.3, "analytics": 2.3,
            "collaboration": 3.0, "use-impact": 2.8, "security": 2.8, "ai": 1.8,
        },
        "facts": {},
        "named": False,
        "notes": "childrens",
        "na_rates": {"cs-col-mash": 0.12, "cs-col-early-help": 0.08},
        "dont_know_scale": 0.8,
    },
]

TARGETS = [
    {
        "file": "eastmere-2027.json",
        "organisation": "eastmere",
        "by": "2027-03-31",
        "levels": {
            "leadership": 5, "culture": 4, "skills": 4, "governance": 5,
            "data-management": 4, "tools": 4, "analytics": 4, "collaboration": 4,
            "use-impact": 4, "security": 4, "ai": 3,
        },
    },
    {
        "file": "ashby-vale-2027.json",
        "organisation": "ashby-vale",
        "by": "2027-03-31",
        "levels": {
            "leadership": 3, "culture": 3, "skills": 3, "governance": 4,
            "data-management": 4, "tools": 3, "analytics": 3, "collaboration": 3,
            "use-impact": 3, "security": 3, "ai": 2,
        },
    },
]

# Fictional Eastmere staff; about half of each Eastmere round give their name, so that
# anonymisation can be tested. Some people answer in both years.
EASTMERE_PEOPLE = [
    ("Amira Patel", "senior-leader"),
    ("Graham Whitlock", "senior-leader"),
    ("Funmi Adeyemi", "senior-leader"),
    ("Tom Okafor", "manager"),
    ("Rachel Kessington", "manager"),
    ("Daniel Mbeki-Ross", "manager"),
    ("Siân Pritchard", "manager"),
    ("Harjit Sandhu", "manager"),
    ("Zoë Lindqvist", "analyst"),
    ("Kwame Asante", "analyst"),
    ("Priya Raman", "analyst"),
    ("Ollie Brennan", "analyst"),
    ("Bernadette O'Keeffe", "frontline"),
    ("Marcus Hale", "frontline"),
    ("Lucy Tran", "frontline"),
    ("Yusuf Demir", "frontline"),
    ("Chloe Fairbairn", "frontline"),
    ("Helen Marsh", "councillor"),
    ("Ade Oyelaran", "councillor"),
]
EASTMERE_DOMAIN = "eastmere.example"

# --------------------------------------------------------------------------------------
# Evidence notes (invented). Keyed by question id, or by dimension for any question in
# it, then by band of the answer's score: "low" (up to 2), "mid" (3), "high" (4 and up),
# or "any". "na" notes go with "not applicable" answers.

NOTES_QUESTION = {
    "full-lead-strategy": {
        "low": ["No data strategy yet; the digital strategy mentions data in one paragraph.",
                "The performance team drafted some data principles, but they never went to CLT."],
        "mid": ["Data strategy 2024-27 approved by the corporate leadership team in June 2024.",
                "Strategy signed off by CLT last year and linked to two corporate plan priorities.",
                "Approved by CLT in 2024; cabinet has not formally adopted it."],
        "high": ["Cabinet approved the data strategy in March; refresh due 2027.",
                 "Data and insight strategy approved by cabinet, with an annual progress report to scrutiny.",
                 "Strategy adopted by cabinet and referred to throughout the corporate plan."],
    },
    "full-lead-owner": {
        "low": ["Nobody formally; the head of ICT picks up most data issues.",
                "The performance manager chases data issues but has no senior sponsor."],
        "mid": ["Director of resources is the accountable officer and chairs the data board.",
                "Assistant chief executive chairs the quarterly data board."],
        "high": ["Chief operating officer is senior responsible owner for data; the data board reports to CLT quarterly.",
                 "Director of strategy and data sits on CLT and chairs the monthly data and insight board."],
    },
    "full-lead-strategy-delivery": {
        "any": ["Progress is reported to the data board every quarter.",
                "About half of the year-one actions are done; the rest slipped with the restructure."],
    },
    "full-lead-investment": {
        "low": ["No budget line; data posts are funded out of service budgets.",
                "Spend is hidden in ICT contracts, including about £150k a year on supplier extracts."],
        "mid": ["Central data team budget of about £600k a year, mostly staff.",
                "Core data posts moved onto a corporate budget in 2024.",
                "Roughly £450k a year, plus Power BI licences paid by ICT."],
        "high": ["Three-year business case in the MTFS: about £1.1m a year for the data platform and team.",
                 "Data investment is planned through the MTFS with a costed three-year roadmap.",
                 "Around £1.3m a year revenue, agreed as part of the MTFS last February."],
    },
    "full-cult-regard": {
        "low": ["Children's services are ahead; environment and regeneration rarely use data.",
                "Outside the performance team, data is mostly seen as a reporting chore."],
        "mid": ["Adults and children's use data well; place directorates are catching up.",
                "Housing is well ahead of the rest since the repairs dashboard went live.",
                "Revenues and benefits lead the way; planning lags behind."],
        "high": ["Hard to find a service that does not start its management meeting with the data.",
                 "Even the smaller services now ask for their own dashboards."],
    },
    "full-cult-testing": {
        "low": ["Housing tried a new triage model, but nobody measured whether it worked.",
                "Pilots happen, but they are judged on feel rather than figures."],
        "mid": ["The garden waste pilot was written up and shared at the transformation board.",
                "The early help text reminders trial was written up, but no decision followed."],
        "high": ["The family support pilot was compared with matched families, and cabinet decided to extend it.",
                 "Missed bin collections fell in the pilot rounds, so the new routes were rolled out.",
                 "The council tax reminder trial was run on half the accounts; the better letter is now standard."],
    },
    "full-skills-analyst-rate": {
        "any": ["Analyst FTE and council FTE both from the establishment list, April.",
                "Analysts from the 2024 restructure report (excludes vacant posts); staff FTE from HR.",
                "Analysts counted from the network membership list, so a rough figure.",
                "My own estimate; performance officers in services are hard to count."],
    },
    "full-skills-routes": {
        "any": ["The Power BI course has a waiting list.",
                "Apprenticeships are funded from the levy; other training comes from team budgets."],
    },
    "full-skills-apprenticeships": {
        "low": ["One data technician apprentice started last year."],
        "mid": ["Four staff started data apprenticeships last year, funded from the levy.",
                "Three data analyst apprentices started in September."],
        "high": ["Nine data apprentices started last year across three directorates.",
                 "Eleven staff are on data apprenticeships, two at degree level."],
    },
    "full-gov-ig": {
        "low": ["IG is handled by one officer in legal; there is no board."],
        "mid": ["Information governance board meets quarterly, chaired by the SIRO.",
                "IG group meets every two months; minutes go to the audit committee."],
        "high": ["IG board meets monthly; the SIRO, Caldicott guardian and DPO all attend.",
                 "Information governance board meets monthly and reports to the audit and governance committee."],
    },
    "full-gov-dpia": {
        "low": ["There is a template, but most DPIAs are written after go-live."],
        "mid": ["The DPIA for the new housing system was signed off two weeks before go-live.",
                "DPIAs are done for big systems; smaller changes often slip through."],
        "high": ["The DPO reviews every DPIA; the parking system DPIA was revisited after the supplier changed.",
                 "The DPIA for the new case management system was completed three months before go-live.",
                 "DPIAs sit in a register and are reviewed every year or when the use changes.",
                 "The DPO signed off the CCTV upgrade DPIA, with conditions that were checked at go-live."],
    },
    "full-gov-isa-coverage": {
        "low": ["There is no central register; each service keeps its own agreements."],
        "mid": ["Register is a SharePoint list kept by the IG team.",
                "Kept by the data protection officer; last reviewed in January."],
        "high": ["Register kept by the IG team and reviewed at every IG board meeting.",
                 "All agreements are logged in the information asset register, with review dates."],
    },
    "full-gov-ethics": {
        "any": ["An ethics checklist was added to the DPIA template last year.",
                "Proposals for data matching go to the IG board for an ethics discussion."],
    },
    "full-dm-quality": {
        "low": ["No regular reports; errors get fixed when a return fails validation."],
        "mid": ["Monthly data quality report for social care goes to heads of service.",
                "Data quality reports exist for social care and revenues, not elsewhere."],
        "high": ["Automated data quality dashboard for all key systems, reviewed by the data board each quarter.",
                 "Each system owner gets a weekly exceptions report and a monthly quality score."],
    },
    "full-dm-practices": {
        "any": ["The asset register was last refreshed for the audit in the spring.",
                "ONS codes are added in the warehouse rather than at source."],
    },
    "full-tools-warehouse": {
        "low": ["No warehouse; reports come straight from each system's own extracts.",
                "A small SQL server holds extracts from two systems, refreshed by hand."],
        "mid": ["Social care, revenues and housing feed the warehouse nightly.",
                "Five systems feed the warehouse; the rest are loaded monthly from spreadsheets."],
        "high": ["Twelve systems feed the cloud data platform, most of them nightly.",
                 "All major line-of-business systems load into the platform every night."],
        "na": ["We do not have a warehouse, so this does not apply.",
               "No central platform yet; a business case is with finance."],
    },
    "full-an-type": {
        "low": ["Mostly monthly KPI tables for the performance report.",
                "Most requests are for counts for statutory returns or FOI answers."],
        "mid": ["The SEND demand analysis last autumn looked at trends by area and school.",
                "The adult social care review explained why home care hours rose."],
        "high": ["The prevention work identified residents at risk of crisis months ahead.",
                 "A model of school place demand now informs the capital programme."],
    },
    "full-an-models": {
        "na": ["We do not use any predictive or risk models.",
               "No models in use as far as I know; this does not apply."],
    },
    "full-collab-health": {
        "na": ["Not involved in health partnership work in my role."],
    },
    "full-collab-councils": {
        "low": ["Nothing formal beyond the regional performance officers' group."],
        "mid": ["Shared a GIS analyst with a neighbouring council for a year.",
                "Joint work with neighbouring councils on the census results."],
        "high": ["Joint analytics team with two neighbouring councils, working on housing need.",
                 "We host the regional analysts' network and a shared data engineer post."],
    },
    "full-use-areas": {
        "any": ["Council tax single person discount review recovered about £400k.",
                "Ward profiles changed how the locality teams target outreach.",
                "School place planning now uses GP registration data.",
                "Route optimisation for waste collection saved one crew."],
    },
    "full-use-benefits": {
        "low": ["We cannot point to measured benefits yet.",
                "Benefits are described in stories rather than figures."],
        "mid": ["The single person discount review recovered £380k last year.",
                "Automating two statutory returns saved about 40 staff days a year."],
        "high": ["The benefits register shows £2.1m of avoided costs from data projects since 2023.",
                 "Each project's benefits are tracked by finance; last year's total was about £1.6m."],
    },
    "full-use-open-data": {
        "na": ["Open data is handled by the comms team; I have no view on it."],
    },
    "cs-lead-plan": {
        "low": ["There is no written plan; improvements happen when a return goes wrong."],
        "mid": ["Data improvement plan owned by the assistant director for quality, revised last September.",
                "The plan sits in the improvement board's action log; owner is the head of performance."],
        "high": ["Plan owned by the DCS, reported to the improvement board and refreshed in 2025."],
    },
    "cs-cult-voice": {
        "any": ["The children in care council's survey led to changes in how reviews are held.",
                "Care leavers' feedback changed the wording of pathway plans.",
                "Young people's views from the Bright Spots survey are reported next to the figures."],
    },
    "cs-gov-sharing": {
        "any": ["Agreements with the police, ICB and schools are reviewed every year by the MASH board.",
                "MASH protocol signed by police, health and education; last reviewed in May.",
                "Agreements are in place but the schools one is two years past review."],
    },
    "cs-dm-returns": {
        "low": ["The last SSDA903 return took about six weeks and hundreds of manual fixes."],
        "mid": ["The SSDA903 return took about three weeks; around 120 validation errors fixed by hand.",
                "The CIN census is mostly from the system, but the 903 still needs a lot of manual work."],
        "high": ["Validations run monthly; the last SSDA903 return took four days.",
                 "Annex A can be produced in a morning from the reporting database."],
    },
    "cs-dm-linking": {
        "any": ["About 85% of children in care can be matched to a school census record.",
                "Matching to the school census is done by hand once a year for the virtual school."],
    },
    "cs-use-cost": {
        "any": ["Average weekly cost is known for residential and fostering agency placements, not for kinship care.",
                "Costs are known from finance, but outcomes are not tracked alongside them."],
    },
    "cs-use-journey-action": {
        "any": ["Analysis of children returning to care led to a new reunification support offer.",
                "Looking at placement moves led to a stability panel for teenagers."],
    },
    "cs-use-acted": {
        "any": ["The sufficiency analysis informed the decision to open two council children's homes.",
                "The review of agency placements fed into the new fostering recruitment campaign.",
                "Analysis of late assessments led to a change in the front door rota."],
    },
    "cs-col-benchmark": {
        "any": ["Regional performance group and statistical neighbour comparisons in the ChAT."],
    },
    "cs-col-mash": {
        "na": ["I do not work in or with the MASH."],
    },
    "cs-col-early-help": {
        "na": ["Early help is outside my team's work."],
    },
}

NOTES_DIMENSION = {
    "leadership": {
        "low": ["Data rarely comes up at CLT unless something has gone wrong.",
                "Members mostly see data in the quarterly scorecard."],
        "mid": ["Most cabinet reports now have an evidence section, though quality varies.",
                "The data board meets, but attendance from some directorates is patchy."],
        "high": ["Cabinet sent back two reports last year for lacking evidence.",
                 "The chief executive's staff briefings regularly open with a chart.",
                 "Scrutiny asked for the data behind the budget options and got it."],
    },
    "culture": {
        "low": ["Recording is still seen as admin by most teams.",
                "Bad numbers usually lead to arguments about the figures."],
        "mid": ["Monthly performance clinics now run in most directorates.",
                "People share dashboards more than they used to, but not analysis.",
                "Depends a lot on the manager; some teams are very open."],
        "high": ["Teams challenge the figures at performance clinics and it is welcomed.",
                 "The analysts' show-and-tell sessions are well attended by services.",
                 "Lessons from data incidents are shared without naming people."],
    },
    "skills": {
        "low": ["Only two people can write SQL, and both sit in ICT.",
                "Analysts spend most of the month building the same reports by hand."],
        "mid": ["The Power BI course is popular but has a waiting list.",
                "Two senior analyst posts have been vacant since the summer.",
                "Job descriptions were updated for analyst posts but not for managers."],
        "high": ["The analysts' network meets monthly and has over 60 members.",
                 "Managers' data literacy course is part of the leadership programme."],
    },
    "governance": {
        "low": ["IG advice is slow and usually defaults to no.",
                "Incidents get reported, but we never hear what was learned."],
        "mid": ["The IG team turns most requests around within a few weeks.",
                "Incident reporting is good; sharing the lessons less so."],
        "high": ["IG joins project boards from the start, so issues are caught early.",
                 "The DPO runs drop-in sessions every fortnight.",
                 "Near misses are discussed at the IG board and summarised for all staff.",
                 "New sharing agreements usually take weeks, not months."],
    },
    "data-management": {
        "low": ["Every directorate keeps its own spreadsheet of key figures.",
                "Addresses are typed in free text in most systems."],
        "mid": ["The data dictionary covers social care and housing, not yet revenues.",
                "UPRNs are in the newer systems but not the older ones.",
                "Dataset owners are named, but not all of them know it."],
        "high": ["UPRNs are recorded in all major systems and checked automatically.",
                 "Key measures have one agreed definition in the catalogue."],
    },
    "tools": {
        "low": ["Most reporting is still Excel sent round by email.",
                "The supplier charges for every new extract."],
        "mid": ["Power BI is used in most directorates, but licences are limited.",
                "Getting access to a new dataset takes a ticket and a few weeks."],
        "high": ["Self-service dashboards are open to all managers through the intranet.",
                 "Access to data is requested and approved through one online form."],
    },
    "analytics": {
        "low": ["We count things; there is very little on why they happen.",
                "Analysis often arrives after the decision has been made."],
        "mid": ["Some forecasting of placements, done in a spreadsheet.",
                "We benchmark with statistical neighbours once a year."],
        "high": ["Analysis is peer reviewed and published with a note on its limits.",
                 "The analysts' one-page summaries are what directors actually read."],
    },
    "collaboration": {
        "low": ["Each directorate works on its own data.",
                "Residents have never been asked about how we use their data."],
        "mid": ["We share data with the ICB through the population health group.",
                "The voluntary sector forum gets the needs assessment but is not involved in it."],
        "high": ["Joint data team with the ICB and public health, on a shared platform.",
                 "A residents' panel reviewed the data strategy and the data ethics principles.",
                 "Our analysts present at the regional network most quarters."],
    },
    "use-impact": {
        "low": ["Data is reported but rarely changes what we do.",
                "Councillors mostly ask for data when a resident complains."],
        "mid": ["Locality teams use ward profiles when planning outreach.",
                "Problems get spotted, but acting on them can take a long time."],
        "high": ["The fraud data matching work saved around £1.2m last year.",
                 "Councillors get ward dashboards and use them in surgeries.",
                 "The repairs backlog analysis led to a change of contractor within months."],
    },
}

NOTES_DIMENSION_CHILDRENS = {
    "leadership": {"any": ["The DCS goes through the performance scorecard at every leadership meeting.",
                           "The lead member gets a monthly data pack but few questions come back."]},
    "culture": {"any": ["Team managers go through the caseload reports in supervision.",
                        "Recording is still seen as getting in the way of practice."]},
    "skills": {"any": ["One analyst is learning R; the rest work in Excel.",
                       "Practitioners like the caseload view but few use the wider reports."]},
    "governance": {"any": ["The MASH information sharing protocol was refreshed this year.",
                           "Every team has a named person for data quality."]},
    "data-management": {"any": ["Several teams still track visits in their own spreadsheets.",
                                "Recording of ethnicity and disability has improved since the audit."]},
    "tools": {"any": ["Case management system reports are slow, and changes need the supplier.",
                      "Scheduled extracts run overnight, but nobody is alerted when they fail."]},
    "analytics": {"any": ["Demand trends are reported monthly, but there is little on why they change.",
                          "We have no early help risk model and no plans for one."]},
    "collaboration": {"any": ["We benchmark with the regional group using the ChAT.",
                              "Early help data sits in a separate system with no link to social care."]},
    "use-impact": {"any": ["Placement analysis fed into the sufficiency strategy.",
                           "Findings go to the improvement board, but actions are slow to follow."]},
}

NOTES_DIMENSION_DISTRICT = {
    "leadership": {"any": ["The chief executive mentions data, but nobody owns it."]},
    "culture": {"any": ["Figures go to the quarterly performance report and are rarely discussed.",
                        "People are happy to question the numbers, but little changes."]},
    "skills": {"any": ["One performance officer, shared with the policy team."]},
    "governance": {"any": ["IG is covered by the monitoring officer with support from the county.",
                           "We have an agreement with the police for community safety, nothing else."]},
    "data-management": {"any": ["Planning and revenues each have their own address lists."]},
    "tools": {"any": ["Reporting is all Excel; a Power BI trial stalled over licences."]},
    "analytics": {"any": ["We buy analysis from the county now and then."]},
    "collaboration": {"any": ["Some sharing with the county on housing need, case by case."]},
    "use-impact": {"any": ["The empty homes review used council tax data to bring 30 homes back into use.",
                           "Cabinet decisions rarely refer to data."]},
}

# Which dimension notes a round's respondents draw on (its "notes" key).
DIMENSION_NOTES = {
    "council": NOTES_DIMENSION,
    "district": NOTES_DIMENSION_DISTRICT,
    "childrens": NOTES_DIMENSION_CHILDRENS,
}


# --------------------------------------------------------------------------------------
# Questionnaire handling

def load_questionnaire(qid):
    with open(QUESTIONNAIRE_DIR / f"{qid}.json", encoding="utf-8") as f:
        return json.load(f)


def questions_in_order(questionnaire):
    for section in questionnaire["sections"]:
        for q in section["questions"]:
            yield q


def option_list(questionnaire, q):
    if "options" in q:
        return q["options"]
    return questionnaire["scales"][q["scale"]]


def band_score(bands, amount):
    score = bands[0]["score"]
    for band in bands:
        if amount >= band["min"]:
            score = band["score"]
    return score


def answer_score(questionnaire, q, value):
    """The score an answer value gives (for score_at_least conditions and notes)."""
    kind = q["kind"]
    if kind in ("choice", "likert"):
        options = option_list(questionnaire, q)
        score = next(o["score"] for o in options if o["id"] == value)
        if kind == "likert" and q.get("reverse"):
            scores = [o["score"] for o in options]
            score = min(scores) + max(scores) - score
        return score
    if kind == "chain":
        score = q.get("score_if_none", 1)
        for step, yes in zip(q["steps"], value):
            if yes:
                score = step["score"]
        return score
    if kind == "checklist":
        points = {o["id"]: o.get("points", 1) for o in q["options"]}
        total = sum(points[v] for v in value)
        scoring = q["scoring"]
        if scoring["method"] == "sum":
            return min(total, 5)
        return band_score(scoring["bands"], total)
    if kind == "number":
        return band_score(q["bands"], value)
    raise ValueError(f"unknown kind {kind}")


def condition_holds(questionnaire, q, given):
    """given: question id -> (value, question) for answers with a value."""
    cond = q.get("condition")
    if cond is None:
        return True
    earlier = given.get(cond["question"])
    if earlier is None:
        return False
    value, eq = earlier
    if "any_of" in cond:
        wanted = set(cond["any_of"])
        if eq["kind"] in ("choice", "likert"):
            return value in wanted
        if eq["kind"] == "checklist":
            return bool(wanted.intersection(value))
        if eq["kind"] == "chain":
            yes_ids = {step["id"] for step, yes in zip(eq["steps"], value) if yes}
            return bool(wanted & yes_ids)
        return False
    if "score_at_least" in cond:
        return answer_score(questionnaire, eq, value) >= cond["score_at_least"]
    return False


def clamp(x, lo, hi):
    return max(lo, min(hi, x))


def nearest_option(options, target, reverse=False):
    scores = [o["score"] for o in options]
    lo, hi = min(scores), max(scores)

    def effective(o):
        return lo + hi - o["score"] if reverse else o["score"]

    return min(options, key=lambda o: (abs(effective(o) - target), o["score"]))["id"]


def nice_number(q, x):
    unit = q.get("unit", "")
    if unit == "%":
        x = 5 * round(x / 5) if x >= 10 else round(x)
    else:
        x = round(x * 2) / 2
    x = clamp(x, q.get("min", x), q.get("max", x))
    if float(x).is_integer():
        return int(x)
    return x


def make_value(rng, questionnaire, q, level, fact):
    kind = q["kind"]
    if kind in ("choice", "likert"):
        return nearest_option(option_list(questionnaire, q), level,
                              reverse=(kind == "likert" and q.get("reverse", False)))
    if kind == "chain":
        reached = round(level)
        value = []
        for step in q["steps"]:
            if step["score"] <= reached:
                value.append(True)
            else:
                value.append(False)
                break
        return value
    if kind == "checklist":
        options = q["options"]
        if q["scoring"]["method"] != "count":
            raise ValueError(f"{q['id']}: only 'count' checklists are generated")
        bands = q["scoring"]["bands"]
        want = clamp(round(level), bands[0]["score"], bands[-1]["score"])
        idx = min(range(len(bands)), key=lambda i: (abs(bands[i]["score"] - want), i))
        lo = bands[idx]["min"]
        hi = bands[idx + 1]["min"] - 1 if idx + 1 < len(bands) else len(options)
        count = clamp(rng.randint(lo, max(lo, hi)), 0, len(options))
        # Earlier options are a little more common in practice.
        pool = list(range(len(options)))
        chosen = []
        for _ in range(count):
            weights = [len(options) - i + 2 for i in pool]
            pick = rng.choices(pool, weights=weights)[0]
            pool.remove(pick)
            chosen.append(pick)
        return [options[i]["id"] for i in sorted(chosen)]
    if kind == "number":
        if fact is not None:
            x = fact * rng.lognormvariate(0, 0.25)
        else:
            bands = q["bands"]
            want = round(level)
            idx = min(range(len(bands)), key=lambda i: (abs(bands[i]["score"] - want), i))
            lo = bands[idx]["min"]
            hi = bands[idx + 1]["min"] if idx + 1 < len(bands) else lo * 1.6 + 1
            x = rng.uniform(lo, hi)
        return nice_number(q, x)
    raise ValueError(f"unknown kind {kind}")


def band_name(score):
    if score <= 2:
        return "low"
    if score < 4:
        return "mid"
    return "high"


def pick_note(rng, banks, keys, band, used, counts):
    """A note from the first bank entry with notes for the band (or "any").

    used: notes this respondent has already given (never repeated); counts: how often
    each note has been used in the file so far (the least used are preferred, so that
    respondents rarely write identical notes)."""
    for bank, key in zip(banks, keys):
        entry = bank.get(key)
        if not entry:
            continue
        notes = entry.get(band) or entry.get("any")
        if not notes:
            continue
        fresh = [n for n in notes if n not in used]
        if not fresh:
            return None
        least = min(counts.get(n, 0) for n in fresh)
        note = rng.choice([n for n in fresh if counts.get(n, 0) == least])
        used.add(note)
        counts[note] = counts.get(note, 0) + 1
        return note
    return None


# --------------------------------------------------------------------------------------
# Respondents and rounds

def choose_roles(rng, rnd, count):
    """A mixed set of roles: quotas in proportion to the round's weights (largest
    remainder, ties broken at random), at least one of each role in always_roles."""
    weights = rnd["roles"]
    total = sum(weights.values())
    quota = {r: max(int(count * w / total), 1 if r in rnd["always_roles"] else 0)
             for r, w in weights.items()}
    remainder = sorted(weights, key=lambda r: (-(count * weights[r] / total - quota[r]), rng.random()))
    i = 0
    while sum(quota.values()) < count:
        quota[remainder[i % len(remainder)]] += 1
        i += 1
    order = ["senior-leader", "manager", "analyst", "frontline", "councillor"]
    roles = [r for r in order for _ in range(quota.get(r, 0))]
    if rng.random() < 0.5:
        rng.shuffle(roles)
    return roles


def email_for(name):
    parts = name.split()
    first, last = parts[0], parts[-1]
    fold = str.maketrans("âêîôûŵŷáéíóúàèìòùäëïöüÿç", "aeiouwyaeiouaeiouaeiouyc")
    last = "".join(ch for ch in last.lower().translate(fold) if ch.isalnum() or ch == "-")
    return f"{first[0].lower()}.{last}@{EASTMERE_DOMAIN}"


def assign_names(rng, roles):
    """Names for about half of the respondents, chosen from EASTMERE_PEOPLE by role."""
    names = [None] * len(roles)
    indices = list(range(len(roles)))
    rng.shuffle(indices)
    wanted = len(roles) // 2
    taken = set()
    for i in indices:
        if wanted == 0:
            break
        free = [p for p, r in EASTMERE_PEOPLE if r == roles[i] and p not in taken]
        if not free:
            continue
        person = rng.choice(free)
        taken.add(person)
        names[i] = person
        wanted -= 1
    return names


def sub_rng(*parts):
    """A generator seeded from SEED and the given names (stable across runs)."""
    return random.Random(":".join([str(SEED), *parts]))


def make_respondent(questionnaire, rnd, rid, role, name, note_counts):
    rng = sub_rng(rnd["file"], rid)
    profile = rnd["profile"]
    bias = ROLE_BIAS.get(role, 0.0) + rng.gauss(0, PERSON_SD)
    dim_level = {d: profile[d] + bias + rng.gauss(0, PERSON_DIM_SD) for d in DIMENSIONS}
    unsure = UNSURE.get(role, set())
    dim_bank = DIMENSION_NOTES[rnd["notes"]]
    prompted = any("evidence_prompt" in q for q in questions_in_order(questionnaire))
    answers = {}
    given = {}
    used_notes = set()
    for q in questions_in_order(questionnaire):
        qid = q["id"]
        dim = q["dimension"]
        if not condition_holds(questionnaire, q, given):
            continue
        # One generator per question, so that tuning one profile value or question
        # does not reshuffle every answer after it.
        rng = sub_rng(rnd["file"], rid, qid)
        roll = rng.random()
        dk_rate = DONT_KNOW_UNSURE if dim in unsure else DONT_KNOW_RATE
        dk_rate *= rnd.get("dont_know_scale", 1.0)
        if roll < BLANK_RATE:
            continue
        answer = {}
        if q.get("allow_dont_know", True) and roll < BLANK_RATE + dk_rate:
            answer["dont_know"] = True
        elif q.get("allow_na", False) and rng.random() < rnd["na_rates"].get(qid, NA_RATE):
            answer["na"] = True
            if rng.random() < 0.4:
                note = pick_note(rng, [NOTES_QUESTION], [qid], "na", used_notes, note_counts)
                if note:
                    answer["evidence"] = note
        else:
            level = clamp(dim_level[dim] + rng.gauss(0, QUESTION_SD), 1.0, 5.0)
            value = make_value(rng, questionnaire, q, level, rnd["facts"].get(qid))
            answer["value"] = value
            given[qid] = (value, q)
            if not prompted:
                p = EVIDENCE_UNPROMPTED
            elif "evidence_prompt" in q:
                p = EVIDENCE_PROMPTED
            else:
                p = EVIDENCE_OTHER
            if role in ("analyst", "senior-leader"):
                p *= 1.25
            if rng.random() < p:
                band = band_name(answer_score(questionnaire, q, value))
                note = pick_note(rng, [NOTES_QUESTION, dim_bank], [qid, dim], band, used_notes,
                                 note_counts)
                if note:
                    answer["evidence"] = note
            if rng.random() < CONFIDENCE_RATE:
                answer["confidence"] = rng.choice(CONFIDENCE_VALUES)
        answers[qid] = answer
    respondent = {"id": rid, "role": role}
    if name:
        respondent["name"] = name
        respondent["email"] = email_for(name)
    respondent["answers"] = answers
    return respondent


def make_round(rnd):
    qid, version = rnd["questionnaire"]
    questionnaire = load_questionnaire(qid)
    assert questionnaire["version"] == version, (qid, questionnaire["version"])
    rng = sub_rng(rnd["file"])
    count = rng.randint(*rnd["respondents"])
    roles = choose_roles(rng, rnd, count)
    names = assign_names(rng, roles) if rnd["named"] else [None] * count
    note_counts = {}
    respondents = [
        make_respondent(questionnaire, rnd, f"r{i + 1:02d}", role, names[i], note_counts)
        for i, role in enumerate(roles)
    ]
    return {
        "format": "yardstick-answers/1",
        "questionnaire": {"id": qid, "version": version},
        "organisation": dict(ORGANISATIONS[rnd["organisation"]]),
        "period": rnd["period"],
        "respondents": respondents,
    }


def make_targets(spec):
    return {
        "format": "yardstick-targets/1",
        "framework": "council-data-maturity",
        "organisation": spec["organisation"],
        "targets": [
            {"dimension": d, "level": spec["levels"][d], "by": spec["by"]} for d in DIMENSIONS
        ],
    }


def summarise(doc):
    total = dk = na = ev = conf = 0
    for r in doc["respondents"]:
        for a in r["answers"].values():
            total += 1
            dk += "dont_know" in a
            na += "na" in a
            ev += "evidence" in a
            conf += "confidence" in a

    def pct(n):
        return 100.0 * n / total if total else 0.0

    return (f"{len(doc['respondents'])} respondents, {total} answers, "
            f"{pct(dk):.1f}% don't know, {pct(na):.1f}% N/A, "
            f"{pct(ev):.1f}% evidence, {pct(conf):.1f}% confidence")


def render(data):
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "examples",
                        help="output directory (default: examples/ in the repository)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if any file is missing or differs")
    parser.add_argument("--quiet", action="store_true", help="print nothing but problems")
    args = parser.parse_args(argv)

    outputs = []
    for rnd in ROUNDS:
        doc = make_round(rnd)
        outputs.append((args.out / "answers" / rnd["file"], render(doc), summarise(doc)))
    for spec in TARGETS:
        outputs.append((args.out / "targets" / spec["file"], render(make_targets(spec)), None))

    stale = 0
    for path, text, summary in outputs:
        if args.check:
            try:
                current = path.read_text(encoding="utf-8")
            except FileNotFoundError:
                current = None
            if current != text:
                stale += 1
                print(f"{path}: {'missing' if current is None else 'out of date'}",
                      file=sys.stderr)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        if not args.quiet:
            print(f"{path}: {summary}" if summary else f"{path}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
