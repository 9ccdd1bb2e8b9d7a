"""Vocabulary and sentence templates for gen_corpus.py.

Templates use str.format fields. A field named after a call-level slot (rep, prospect, company,
vendor, product, industry, city) is the same for the whole call; a field that gen_corpus.GEN
composes (noun phrases, verb forms, numbers, dates, names, clauses: see CLAUSE below) is made
afresh at each use; any other field is drawn from the pool of the same name each time it appears,
so that no two calls read alike and a long sentence almost never comes out twice. All text here
was written for this generator.
"""

FIRST_NAMES = """Dana Marcus Juanita Priya Tom Aisha Ben Chloe Diego Elena Farid Grace Hiro Ines Jamal Kara
Liam Maya Nikhil Olivia Pedro Quinn Rosa Sam Tariq Uma Victor Wendy Xavier Yara Zoe Andre Bianca Carlos
Deepa Ethan Fatima Gavin Hannah Ivan Jasmine Kenji Lucia Mateo Nadia Owen Paula Rahul Sofia Theo Valeria
Will Ximena Yusuf Zara Abby Bruno Celine Dmitri Esther Felix Gloria Hugo Isla Jonas Keisha Leo Mira Noah
Omar Petra Rhys Selma Tobias Ursula Vera Wes Amara Boris Carmen Dev Emeka Freya Gus Hana Ibrahim Jade Kofi
Lena Milo Nora Oscar Pia Raj Sienna Tessa Vikram Willa Zain Ada Colm Erin Ravi Mei Luis Ingrid Kwame""".split()

LAST_NAMES = """Okafor Lindqvist Moreau Patel Nguyen Schmidt Alvarez Kowalski Haddad Brennan Tanaka Rossi
Mbeki Fischer Costa Novak Reyes Sato Dubois Chen Walsh Ibarra Kaur Larsen Petrov Quinn Silva Yilmaz""".split()

INDUSTRIES = """logistics manufacturing healthcare insurance retail banking hospitality construction
education telecom pharma e-commerce energy utilities agriculture media automotive aerospace legal
real-estate staffing biotech food-service freight wholesale nonprofit government gaming security
semiconductor furniture cosmetics shipping mining aviation fintech dental veterinary fitness""".split()

CITY = """Brno Lyon Monterrey Leeds Austin Pune Rotterdam Osaka Porto Krakow Denver Tulsa Gdansk Curitiba
Cork Adelaide Nagoya Hamburg Valencia Calgary Dayton Tampere Durban Izmir Boise Raleigh Turin Malmo""".split()

COMPANY_HEAD = """Acme Blue North Bright Cedar Delta Ever Fair Granite Harbor Iron Juniper Keystone Lumen
Maple Nova Orbit Pioneer Quartz River Summit Tidal Union Vantage Willow Zenith Apex Beacon Cobalt Drift""".split()
COMPANY_TAIL = """Logistics Systems Foods Health Labs Freight Partners Works Group Industries Retail Energy
Analytics Holdings Materials Supply Networks Dynamics Media Mobility""".split()
VENDOR_HEAD = """Flow Pulse Signal Clear Stack Loop Beam Crest Forge Relay Scout Sprout Tally Vector Wave""".split()
VENDOR_TAIL = """ly io wise base desk hub metrics grid path line""".split()
PRODUCT_KIND = """platform dashboard scheduling-tool forecasting-module routing-engine analytics-suite
inventory-system billing-platform onboarding-app compliance-tracker""".split()

POOLS = {
    "feature": """automated routing|real-time dashboards|the forecasting module|custom alerts|the mobile app|
single sign-on|the approval workflow|bulk import|the API|role-based permissions|audit logs|scheduled reports|
the Slack integration|offline mode|the anomaly detection|territory planning|the template library|
usage analytics|two-way sync|the rules engine""",
    "pain": """reports take three days to pull together|nobody trusts the numbers in the weekly review|
we lose orders when the warehouse system goes down|onboarding a new hire takes a month|
our reps spend half their day on data entry|we keep missing renewal dates|shipments get double-booked|
the spreadsheets break every quarter end|we find out about stockouts from customers|
approvals sit in someone's inbox for a week|invoices go out late|we have no idea which campaigns work|
the night shift works from a different version of the schedule|audits are a scramble every year""",
    "event": """our VP of operations resigned on {weekday}|we lost our biggest customer in {month}|
one of our plants in {city} flooded last week|we're in the middle of a reorg of {team}|my {team} team just got cut by a third|
we had an outage in {city2} over the weekend and I barely slept|our {title} froze all new spending yesterday|
I just got back from {count} weeks out sick|we had a really tough call with {person}, one of our factory managers|
our main {noun} supplier went bankrupt|my manager quit and I'm covering {things} too|
a big shipment got stuck at the port for {count} days|we failed an audit on {weekday}|
we just merged with a competitor and nobody knows who owns {things}|my kid has been in the hospital this week|
half of the {team} team is out with the flu|our {title} resigned on {weekday}|
{person} quit last {weekday} and I'm covering {things}|we had an outage in {city2} over the weekend|
our {noun} system crashed on {weekday} and we're still cleaning up {things}|
{count} people got laid off in {team} last {weekday}|I just got back from {count} days out sick|
we're in the middle of moving {things} to {city2}|we failed an inspection on the {ordinal}|
we lost the {company2} account on {weekday}|my {team} lead resigned and I'm doing two jobs|
{person} is in the hospital and I'm covering {things}|we got acquired in {month} and nobody knows who owns {things}""",
    "metric": """order errors|time to close the books|churn|overtime hours|late deliveries|ticket backlog|
cost per shipment|onboarding time|forecast error|days sales outstanding|no-show rate|inventory write-offs""",
    "weeks": "3|4|5|6|8|10|12",
    "pct": "10|12|15|18|20|25|30|35|40",
    "num": "2|3|4|5|6|8|10|12|15|20|25|40|50|120|200|350",
    "day": "Monday|Tuesday|Wednesday|Thursday|Friday",
    "time": "9 am|10:30|11 am|noon|1 pm|2 pm|2:30|3 pm|4 pm",
    "price": "$18|$25|$32|$40|$55|$60|$75|$90",
    "region": "EU|US|Canadian|UK|Australian",
    "dept": "technical|implementation|pricing|legal|product|solutions|security|onboarding",
    "colleague": "our solutions engineer|my manager|our product lead|the implementation team|our CTO",
    "title": "CFO|COO|head of IT|VP of sales|operations director|procurement lead|CEO|controller",
    "quarter": "next quarter|January|the new fiscal year|after the audit|the summer|Q3",
    "mins": "28|25|twenty|fifteen|22|thirty|ten",
    "topic": """how your team handles {team} today|what's slowing you down|the rollout plan|pricing|
a quick demo of {feature}|next steps|what success would look like|the integration questions""",
    "goal": """understand how your {team} team handles {metric} today and see if we can help|
walk through the proposal and agree on next steps|learn what's changed since we last spoke|
see whether {feature} could fix the {metric} problem you mentioned|get your feedback on the pilot|
find out if a rollout in {quarter} is realistic""",
    "sympathy": """That sounds really stressful.|That's a lot to deal with.|That must be tough.|
Sounds like a rough few days.|Oh wow, I'm sorry.|Sorry to hear that.|Ugh, that's awful.|Oh man.|
That's really hard.|Oof, I'm sorry, {prospect}.|Wow, that's a lot at once.|I'm sorry, that sounds hard.|
Oh no.|Gosh, okay.|That's rough, {prospect}.""",
    "engage_ask": """How is your team holding up?|How is that affecting your week?|What's the plan from here?|
What does that mean for the {team} team?|Is there anything that would make today's call more useful for you?|
How long has that been going on?|How are you managing with {things}?|Do you still want to do this today?|
What happens with {things} in the meantime?|How is the {team} team taking it?|Who's covering for {person}?|
Would you rather we moved this to {weekday}?|How are you holding up yourself?|What happened?|
Is everyone okay?|What do you need from your side right now?""",
    "ack": """Yeah, tough, I know.|Oh, that's rough.|Totally, I hear you.|Gotcha.|Sorry to hear that.|
Ugh, yeah.|Oh wow, okay.|Right, right.|I bet.|Yeah, that happens.|Oof.|Makes sense.""",
}
POOLS = {k: [w.strip() for w in v.replace("\n", "").split("|")] for k, v in POOLS.items()}

# Rep sentences by purpose. Most carry slots ({things}, {person}, {count}...) because real
# sentences are specific: a long utterance almost never comes out twice. The phrases the rules
# look for ("the purpose of my call", "let me loop in", "great question") stay whole.
REP = {
    "greet": [
        "Hi {prospect}, this is {rep} from {vendor}.",
        "Hey {prospect}, {rep} here with {vendor}, how are you?",
        "Good morning {prospect}! Thanks for making the time.",
        "Hi {prospect}, can you hear me okay?",
        "Hello {prospect}, it's {rep} at {vendor}, how's your week going?",
        "Hey, thanks for jumping on, {prospect}.",
        "Afternoon {prospect}, hope I'm not catching you at a bad moment.",
        "Hi {prospect}, {rep} from {vendor}, I think we met at the {city2} trade show.",
        "Hey {prospect}, it's {rep}, {person} at {company} gave me your name.",
    ],
    "smalltalk": [
        "How's the weather over in {city}?",
        "Did you have a good weekend?",
        "I saw {company} was hiring again, that's exciting.",
        "Busy time of year for {industry}, I imagine.",
        "Sorry, my video is a bit slow today.",
        "How are you doing this morning?",
        "I was in {city2} last {month} for a {industry} conference, I loved it.",
        "My {noun} at home gave up this morning, so it's been a day already.",
        "Did you catch the game on {weekday}?",
    ],
    "filler": [
        "Just touching base to see how things are going.",
        "I wanted to circle back on my email from last week.",
        "Just checking in on where things stand.",
        "Following up on my email about the {product}.",
        "I wanted to reach out and see how things are going over there.",
        "Just circling back to see if you had a chance to look at the deck.",
        "I'm just checking in to see if anything changed on your end.",
        "Just wanted to touch base and see how things are going with the team.",
        "Just checking in, I know {person} mentioned {things} back in {month}.",
        "Just circling back on the note I sent {person} about {things}.",
        "Following up on my email from the {ordinal}, the one about {things}.",
        "I wanted to reach out since we last talked in {month}, see how things are going with {things}.",
    ],
    "purpose": [
        "The purpose of my call is to {goal}.",
        "I'm calling because you mentioned that {pain}, and I'd like to {goal}.",
        "The reason for my call is to {goal}.",
        "My goal for today is to {goal}.",
        "What I'd like to do today is {goal}, if that works for you.",
        "I'm calling because we helped another {industry} company with {metric}, and I'd like to {goal}.",
        "I'm calling because {person} said {things} take up a lot of your {team} team's time.",
    ],
    "agenda": [
        "I thought we'd spend {count} minutes on {topic}, then {topic}, and leave time for your questions. Does that work?",
        "Here's what I had in mind, {topic}, then {topic}. Anything you'd add?",
        "We've got about {mins} minutes, so I'd like to cover {topic} first.",
        "I'd love to hear about {things} first, then {topic}, and we'll save the last {count} minutes for questions.",
    ],
    "discover": [
        "How are you handling {metric} today?",
        "How are you handling {metric} for {things} today?",
        "What happens to {things} when {pain}?",
        "Who else gets involved when you look at a new {team} setup for {things}?",
        "What would it mean for your team if {metric} went down by {pct} percent?",
        "Walk me through what your {team} team does with {things} on a typical {weekday}.",
        "What have you tried so far with {things}?",
        "How many people are on the {team} team?",
        "How many people touch {things} before they reach {team}?",
        "What does the approval process look like for {things}?",
        "If you could wave a magic wand over {things}, what would change first?",
        "Is that something your {title} worries about too, {things} I mean?",
        "What made you take this call today, was it {things}?",
        "How are you tracking {things} right now, in {tool}?",
    ],
    "follow": [
        "Interesting. Tell me more about {things}.",
        "That makes sense. And how often does that happen with {things}?",
        "Got it, so the real cost is the time your {team} team loses on {things}.",
        "So if I hear you right, {pain}.",
        "Okay, and what does that do to {metric}?",
        "That's helpful, thank you.",
        "Right, we hear that a lot from {industry} teams, especially about {things}.",
    ],
    "pitch": [
        "The {product} lets your {team} team see {metric} in real time.",
        "Customers in {industry} usually cut {metric} by about {pct} percent in the first quarter.",
        "We integrate with {tool} out of the box, so nobody has to re-key {things}.",
        "With {feature}, the {team} lead gets an alert before it becomes a problem.",
        "One of our customers in {city2} went live in {weeks} weeks and never looked back.",
        "We're the only vendor that ships {feature} and {feature} in the same plan.",
        "Our onboarding team handles the migration from {tool} for you.",
        "The dashboard updates every {count} minutes, so {things} in the weekly review are always current.",
        "You can set up {feature} in an afternoon without calling IT.",
        "Pricing scales with usage, so you only pay for the seats you actually use.",
        "We've got {num} customers in {industry} alone.",
        "And the reporting is something people really love, it saves {count} hours every week.",
        "Basically, it replaces {tool} with one place where everyone works from the same numbers.",
        "We also just launched {feature}, which a lot of {team} teams have been asking for.",
        "The nice thing is it works on a phone too, so the field team can {verb} {things}.",
        "Our support team answers in under {num} minutes on average.",
    ],
    "engage": [
        "Oh no, what happened?",
        "{sympathy} {engage_ask}",
        "{sympathy} {engage_ask}",
        "{sympathy} {engage_ask}",
        "So you're covering {things} on top of everything else? How are you managing?",
        "Wow, I'm sorry. Do you still want to do this today, or should we find another time, maybe {date}?",
        "Oh, {prospect}, I'm sorry. How long has that been going on?",
        "That's a lot. Do you still want to do this today? We can pick it up on {date} instead.",
    ],
    "pivot": [
        "Anyway, let me walk you through the agenda.",
        "Hey, we've only got {mins} minutes, so let me pull up the slides.",
        "So, moving on, I wanted to show you {feature}.",
        "Okay, so back to the {product}.",
        "Let me just double-check this agenda with you so we can stay on track, {feature} is next.",
        "So, like I said in my email, the {product} can really help.",
        "Anyway, the main thing I wanted to cover today is pricing for {count} seats.",
        "Let me share my screen and show you {feature}.",
        "Anyway, I wanted to show you how {things} look in the {product}.",
        "In the interest of time, let me jump into {feature}.",
        "Moving on, the thing most {industry} teams ask about is {feature}.",
    ],
    "deflect": [
        "Great question! Let me show you that in the demo, it's on {feature}.",
        "Great question! Let me show you {things} in the demo.",
        "Good question. Let me show you how {things} look in the demo, it's easier.",
        "Good question, I think the demo will make {things} clearer, so let me share my screen.",
        "Love that question. Before we get there, let me tell you about {feature}.",
        "That's a great question, and honestly the best way to see {things} is a live demo.",
        "Great question. So, what most {industry} teams love is {feature}.",
        "We'll get to that. First let me show you how {feature} works.",
        "Great question, let me show you with {things} from a customer in {city2}.",
        "Good question, it's easier to show you, let me pull up {feature}.",
    ],
    "defer": [
        "I'll have someone from our {dept} team get back to you on that.",
        "Let me loop in {colleague} and follow up by email.",
        "I'll need to check with {colleague} and circle back.",
        "Good one, I'll find out and send it over after the call.",
        "I don't want to give you the wrong answer, so let me get {colleague} to email you.",
        "I'll have someone from our {dept} team get back to you, probably by the {ordinal}.",
        "Let me loop in {person} on our {dept} side, they know {things} better than I do.",
    ],
    "next": [
        "How about we put thirty minutes on the calendar for {day} at {time} with your {title}?",
        "I'll send over the proposal by {day}, and we can review it together on {day} at {time}.",
        "Can we book the technical deep dive for next {day}?",
        "Let's schedule a demo for your {team} team on {day} at {time}; I'll send the invite now.",
        "I'll email you the pilot plan today, and let's meet {day} at {time} to decide.",
        "I'll send you the quote for {count} seats, and let's meet {day} at {time} with {person}.",
        "Can we set up a call with your {team} lead next {day}, say {time}?",
    ],
    "close": [
        "Alright, well, thanks for your time.",
        "Great chatting, {prospect}. Talk soon.",
        "Feel free to reach out if anything comes up with {things}.",
        "Okay, I'll let you go. Have a good one.",
        "Okay, I'll let you go, I know {things} won't {verb} themselves.",
        "Thanks again, {prospect}, really appreciate it.",
        "Thanks, {prospect}, and good luck with {things}.",
        "Okay, I'll let you get back to {things}.",
    ],
    "backchannel": ["Mm-hmm.", "Right.", "Okay.", "Sure.", "Yeah.", "Got it.", "Uh-huh.", "I see."],
    "lead": ["So,", "Well,", "Honestly,", "Okay so", "And", "Yeah, and", "Look,", "Um,", "You know,"],
}

# Prospect questions and the rep answers that go with them, by topic.
QA = {
    "pricing": (
        ["How much does it cost for {num} users?", "What does pricing look like for a team of {count}?",
         "Is there a setup fee on top of the license for {count} seats?", "Do you charge per seat or per {noun}?",
         "what would this run us per year"],
        ["It's {price} per seat per month, and annual plans get {pct} percent off.",
         "For {num} users you'd be around {price} a seat, no setup fee.",
         "We charge per seat; locations are unlimited, and there's no setup fee, so for {count} people it's about {amount} a year."],
    ),
    "integration": (
        ["Does it work with {tool}?", "How does it connect to our ERP and {things}?", "Can we get {things} out through an API?",
         "Will it sync with what the {team} team already uses?"],
        ["Yes, there's a native connector for {tool}; setup takes about {num} days.",
         "We connect to the ERP through the standard API, and our team configures {things} with you.",
         "Yes, {things} are available through a REST API and nightly exports."],
    ),
    "security": (
        ["Where is our data stored?", "Where would {things} be stored, physically?", "Are you SOC 2 compliant?", "Who on your side can see {things}?",
         "How do you handle GDPR?"],
        ["Data stays in the {region} region, encrypted at rest and in transit, {things} included.",
         "Yes, we're SOC 2 Type II audited every year and I can send the report from {date}.",
         "Only {count} support engineers can access {things}, and every access is logged."],
    ),
    "timeline": (
        ["How long does implementation take for {things}?", "When could we realistically be live?",
         "How much time will my {team} team need to put in on {things}?", "what does the rollout look like"],
        ["Most teams are live in {weeks} weeks; your team spends about {count} hours a week on it.",
         "If we start in {quarter}, you'd be live about {weeks} weeks later, with {things} moved over first.",
         "Roughly {weeks} weeks, and the first {count} are mostly our onboarding team's work."],
    ),
    "support": (
        ["What happens if something breaks at night, like with {things}?", "Do we get a dedicated account manager for {count} seats?",
         "What kind of training do you offer for the {count} people on the {team} team?"],
        ["Support is 24/7 by chat and phone, with a {count}-hour response on urgent tickets.",
         "Yes, every account over {num} seats gets a named account manager.",
         "We run {count} live training sessions and give you recorded courses for new hires."],
    ),
    "contract": (
        ["Can we start month to month?", "What's the minimum contract length for {count} seats?", "Can we cancel if it doesn't work for {things}?"],
        ["Yes, month to month is fine; annual just gets you {pct} percent off for {count} seats.",
         "Twelve months is the minimum, with a {count}-day out clause.",
         "Yes, you can cancel in the first {num} days for a full refund."],
    ),
}

PROSPECT = {
    "greet": [
        "Hi {rep}, doing well, thanks.", "Busy week, but good.", "Hey {rep}. Yeah, I can hear you fine.",
        "Morning. Good, thanks, you?", "Hi, yes, sorry, I'm a couple of minutes late, the {noun} review ran over.", "Hey. All good here.",
        "Hi {rep}, good, just got out of a {noun} review.", "Doing alright, {rep}, it's been a {weekday}.",
    ],
    "disclose": [
        "Honestly, it's been a rough week. {Event}.",
        "Kind of crazy, actually. {Event}.",
        "I'm a bit distracted, to be honest, {event}.",
        "Not great. {Event}, so things are pretty chaotic.",
        "Well, {event}, so I'm juggling a lot right now.",
        "Honestly, it's been a rough week. {Event}, and {person} is out too.",
    ],
    "pain": [
        "Our biggest issue is that {pain}.",
        "Right now {pain}, and it's killing our {metric}.",
        "The problem is {pain}, and the {team} team is fed up.",
        "We use {tool} for most of it, and frankly {pain}.",
        "It's mostly that {pain}.",
    ],
    "reply": [
        "About {num} people on the {team} team.",
        "Mostly {tool}, plus {things} in spreadsheets.",
        "Probably our {title} would have to sign off on {things}.",
        "It happens maybe {num} times a month.",
        "We tried a tool for {things} a couple of years ago but it didn't stick.",
        "Honestly, I'm not sure anyone owns {things}.",
        "It depends on the season, but it's worse around {month}, with {things}.",
        "We'd want to see {metric} come down before we touch {things}.",
        "That's a good question, I'd have to ask {person}, the {team} lead.",
    ],
    "object": [
        "Budget is tight until {quarter}, most of it went to {things}.",
        "We looked at something like this for {things} last year and it didn't stick.",
        "I'm worried about how much time my {team} team would need to put in on {things}.",
        "Honestly, {tool} works well enough for now, at least for {things}.",
        "I'm not sure this is a priority for our {title} while {things} are still open.",
    ],
    "reask": ["Sorry, going back to my question,", "But to be clear,", "Right, but I still need to know,",
              "Sorry, I didn't catch that.", "Okay, but again,"],
    "agree": ["Sounds good.", "Okay, that works.", "Sure, send it over.", "Yeah, let's do that.",
              "Fine by me.", "That works, I'll bring our {title}."],
    "bye": ["Okay, thanks {rep}.", "Thanks, bye.", "Talk soon.", "Alright, take care.", "Cheers."],
}
REP["ack"] = POOLS["ack"]


# ---------------------------------------------------------------------------------------------
# The long tail. Real calls name many things once: a pallet jack, the March accruals, a clinic in
# Dayton. Slots below are composed at each use from word lists drawn with a Zipf-like skew (see
# gen_corpus.zipf), so that a few words are common and most are rare, and a long utterance almost
# never comes out twice. Written for this generator in plain English.

def _words(text):
    return text.split()


# Cue words of the default rule set (disclosures, pivots, next steps, deflections). The random
# fill never uses them, so that the acts in a call are the ones its plan chose (a pitch that
# happens to say "deadline" would read as a disclosure and change the habit mix).
AVOID = set(_words("""acquired afraid angry annoyed anxious anyhow anyway anyways audit backlog
bottleneck broke broken bug bugs chaos churn churned complaints concerned crashed crazy deadline
delayed delays disappointed disaster distracted doubled downtime drowning escalated escalation
excited exhausted failed failing fire flooded frustrated frustrating hectic insane kickoff killing
launch layoffs losing merger nervous nightmare outage outages overwhelmed pilot quit reconvene reorg
reorganization resigned restructuring rough scared scrambling sick skyrocketed slammed stressed
stressful struggled struggling stuck surgery swamped tanked thrilled tired trial tripled unhappy
upset whirlwind worried worse problem problems issue issues trouble mess lost lose down cost cut
fell held fortune demo deck slides agenda proposal contract quote invite calendar inbox call calls
meeting meetings platform product products solution solutions software tool tools quick next
middle job boss ceo day days week weeks pressure leave news promoted joined started live hard
tough long fed dropped pulled burning burned burnt hate complicated depends varies"""))

# Count nouns of working life, singular. Plurals by rule (PLURALS holds the exceptions).
NOUNS = [w for w in _words("""invoice shipment pallet forklift order receipt ledger spreadsheet
report template workflow approval signature vendor supplier carrier driver route depot warehouse
dock bay aisle shelf bin label barcode scanner printer tablet laptop phone headset badge locker
shift roster timesheet payslip paycheck bonus commission quota target forecast budget estimate
account customer client patient member tenant student guest passenger subscriber donor volunteer
clinic ward pharmacy lab sample specimen chart referral prescription appointment booking
reservation room suite kitchen menu recipe ingredient batch lot recall inspection certificate
permit license policy claim premium deductible adjuster broker underwriter agent branch teller
loan mortgage deposit transfer refund chargeback dispute discount coupon voucher promotion
campaign flyer brochure newsletter webinar survey review rating ticket request 
incident alert threshold dashboard chart graph column row field record file folder drive
attachment email thread message notification reminder checklist handbook manual guideline
procedure step stage phase milestone project initiative roadmap sprint  feature
release version patch server database cluster backup password login portal app website page
form button screen widget module connector plugin export import upload download sync script
query filter segment cohort region territory district zone site plant factory line machine
press lathe conveyor sensor valve pump compressor generator boiler furnace truck trailer van
container crate parcel package envelope pouch carton tote skid rack mezzanine yard gate
terminal port vessel berth manifest bill_of_lading customs  tariff duty surcharge
fuel mileage odometer tire brake engine part component assembly kit spare fixture 
drill saw helmet glove vest harness ladder scaffold crane hoist beam slab panel window door
roof floor wall pipe wire cable outlet meter thermostat  chiller vent duct 
bed chair desk cubicle office lobby break_room parking_lot garage elevator stairwell
 kiosk register till   drawer safe vault
lesson course  exam grade transcript semester classroom campus dorm cafeteria
library locker_room gym pool court  bus_route
contractor freelancer intern trainee apprentice manager supervisor foreman dispatcher planner
buyer analyst accountant bookkeeper  recruiter coordinator technician mechanic
electrician plumber nurse physician pharmacist therapist dentist hygienist receptionist
cashier clerk courier picker packer loader operator inspector engineer designer developer
tester writer editor producer photographer chef baker server host bartender housekeeper
concierge valet guard janitor gardener landscaper surveyor architect estimator
 pivot_table macro formula cell tab sheet binder whiteboard sticky_note
notebook clipboard stapler   mailbox voicemail extension fax copier
renewal upgrade downgrade seat license_key subscription plan tier bundle add-on 
quarter month-end_close year-end_report close reconciliation accrual journal entry adjustment variance
payroll benefit pension claim-file case caseload docket matter brief filing hearing
listing showing lease  inspection_report appraisal closing_date escrow
harvest crop field barn tractor silo herd feed  cold_chain freezer cooler
fridge oven fryer grill hood dishwasher sink tray cart trolley wagon
shop store outlet mall aisle-end endcap display planogram markdown shrink stockroom
backroom loading_dock receiving_log putaway cycle_count pick_list wave_plan batch_pick
sku item product_line category brand catalog price_list rate_card
apron awning bandage beaker bollard boot bracket bucket buffer bumper cabinet canopy canister
capsule carousel cartridge caster chisel cistern clamp coil collar conduit cone counter coupler
crowbar cushion dehumidifier dial dolly drum easel faucet fence filament flange flask funnel
fuse gasket gauge girder goggles grate gutter hammer hatch hinge hose hydrant jack jug kettle
knob ladle latch lever lid lock mallet mat mattress mop nozzle padlock pail pallet_wrap partition
pedal pestle pillar pipette placard plank pliers plug pole pulley ramp rivet rod roller sack
scale scoop screw sealant shovel shutter sieve skillet sling socket spatula spigot spindle
spool sprinkler stencil stool strap stretcher switch tarp thermometer tongs trowel tube vial
vise washer wheelbarrow whistle winch wrench zipper
allowance annuity arrears audit_trail bond clause covenant credit_note dividend equity escrow_fee
expense fee grant invoice_line lien margin overhead payable receivable rebate retainer royalty
stipend subsidy surplus tax_form voucher_code write-off
anniversary banquet brunch buffet_line catering_order conference convention gala luncheon
reunion seminar summit workshop retreat offsite
ambulance bicycle cab ferry forklift_battery golf_cart hatchback minivan motorbike pickup
scooter sedan shuttle tanker tractor_trailer tram
apprenticeship certification clearance credential diploma endorsement internship orientation
probation residency rotation sabbatical secondment
""") if w not in AVOID]
PLURALS = {"shelf": "shelves", "life": "lives", "person": "people", "child": "children",
           "bill_of_lading": "bills_of_lading", "scaffold": "scaffolding", "staff": "staff"}

# Adjectives for noun phrases. None of them judges (no "broken", "late"), so that a phrase never
# reads as a complaint by itself.
ADJECTIVES = [w for w in _words("""weekly monthly quarterly annual nightly daily hourly seasonal
regional national local central remote mobile manual automatic digital paper printed shared
internal external outbound inbound standard custom default legacy current former upcoming
recent original updated revised final draft pending open closed active inactive archived
temporary permanent full-time part-time overnight weekend holiday summer winter spring fall
north south east west downtown suburban rural urban coastal main secondary backup spare
extra separate individual joint combined bulk single double large small medium tiny huge
heavy light fragile frozen chilled dry fresh raw finished used refurbished rented leased
owned borrowed signed unsigned approved unapproved scanned typed handwritten color
black-and-white yellow blue green red orange purple grey white plastic metal wooden glass
cardboard foam rubber steel concrete electric gas diesel hybrid solar wireless wired
cloud-based on-site offsite in-house outsourced third-party hand-built homegrown
old newer older cheaper pricier bigger smaller busier quieter slower faster
first second third fourth fifth last other same whole entire usual typical basic
advanced premium economy business corporate personal private public medical dental legal
financial clinical technical commercial industrial residential retail wholesale
international domestic cross-border short-haul long-haul same-day two-day express
priority routine urgent-care walk-in drive-through self-service
airtight anonymous bilingual biweekly bimonthly blank bonded certified climate-controlled
coded colorful compact confidential consolidated cordless customized detachable disposable
duplicate durable encrypted expandable fireproof flexible foldable galvanized generic
gluten-free handheld insulated interim itemized laminated lockable magnetic modular
notarized numbered offline oversized padded perishable portable prepaid recyclable
refrigerated reusable rolling sealed seasoned secured stackable sterile taped tax-exempt
tiered unlabeled unmarked unpaid unsorted vacuum-sealed ventilated waterproof weatherproof
""") if w not in AVOID]

# Verbs people use about their work: base forms. "base/past" gives an irregular past, a
# trailing "+" doubles the last letter before -ed and -ing (ship+ -> shipped, shipping).
VERBS = [w for w in _words("""track count check review approve sign file print scan+ email
forward copy paste type enter update change move ship+ send/sent receive load unload pack
unpack pick sort stack label weigh measure price  bill invoice pay/paid collect
refund reconcile  balance post book schedule reschedule assign route plan+
dispatch deliver return restock order reorder stock  tally total export import
upload download sync merge split+/split clean fix/fixed test install configure set+/set reset+/reset
train coach hire onboard interview manage run+/ran build/built design draft write/wrote
edit proofread/proofread translate summarize present share/shared compare rank score grade rate
flag+ tag+ log+ map+ chase  remind notify text message follow phone visit inspect
repair replace service  maintain  handle process batch verify confirm
validate double-check cross-check rebuild/rebuilt redo/redid rework reorganize rename archive delete
store save  restore pull push lock unlock open close renew cancel upgrade extend
 estimate budget forecast/forecast calculate convert round   allocate
charge credit debit transfer+ deposit withdraw/withdrew negotiate discount bundle prepare cook bake
serve  prep+ portion plate  cover staff  swap+ trim+ sweep/swept
mop+ wipe sanitize sterilize inject dose chart admit+ discharge refer+ triage treat
 code recode submit+ resubmit+ appeal dispute settle  underwrite/underwrote insure
lease rent list show/showed sell/sold buy/bought  fill ring/rang drive/drove
fly/flew  walk carry/carried lift    drain pour mix stir+
spray plant water harvest feed/fed milk herd weld assemble sand paint wire
annotate backfill bookmark calibrate catalog certify chase collate compile crate decant
defrost deploy digitize dismantle distribute document duplicate forecast/forecast
freeze/froze glue highlight index inventory itemize laminate measure memorize monitor notarize
outsource overhaul package palletize photograph polish preheat prioritize
proofread/proofread quarantine rebalance recalibrate recount redeploy refill regroup reissue relabel
reload remeasure reprint reroute resend/resent reship+ restock retag+ retrain reweigh
rotate sample screen seal shred+ shrink-wrap+ sift solder staple stencil sterilize
 streamline subcontract tabulate tighten timestamp transcribe unbox
vacuum varnish vet+ wrap+ zip+
""") if w not in AVOID and w.split("/")[0] not in AVOID]

# Adverbials of time and manner; none names a weekday with a time (a next-step cue).
WHEN = [w.strip() for w in """every morning|every other week|twice a month|at month-end|
at the end of each shift|on Mondays|on Fridays|before the weekly review|after lunch|overnight|
first thing in the morning|once a quarter|around the holidays|during inventory|at year-end|
whenever somebody remembers|by hand|in two different places|on paper first|the old way|
from scratch every time|on the weekends|in the evenings|between shifts|before the auditors come|
after every delivery|for each location separately|three or four times|in batches|one by one|
from home|at the front desk|on the shop floor|out in the field|in the back office|
on my phone|in a shared folder|through a shared inbox|over the phone|by email|on a clipboard|
in the spring|all summer|every single time|most of the time|now and then|more often than not|
since {month}|since last {month}|for about {count} years|for {count} months now|
until {month}|by the {ordinal}|around the {ordinal}|on the {ordinal} of every month""".replace("\n", "").split("|")]

MONTHS = _words("January February March April May June July August September October November December")
WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday")
ORDINALS = _words("""1st 2nd 3rd 4th 5th 6th 7th 8th 9th 10th 11th 12th 13th 14th 15th 16th 17th
18th 19th 20th 21st 22nd 23rd 24th 25th 26th 27th 28th 29th 30th""")
NUMBER_WORDS = _words("""two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen twenty""")
TENS = _words("twenty thirty forty fifty sixty seventy eighty ninety")

# More people and places: rare names are part of a real call's long tail.
MORE_FIRST_NAMES = _words("""Agnes Alvin Anika Arjun Astrid Beatriz Bilal Brigid Cal Cyrus Dalia
Declan Delphine Eamon Edith Elif Eli Enzo Faye Florin Gemma Gideon Greta Hamza Harriet Hector
Ilse Imani Ines Jarrah Joel June Kai Kasia Kellan Lars Leila Lionel Lorna Lucas Magnus Malik
Marisol Mehdi Minh Moira Nadim Nell Niamh Odette Olu Orla Pablo Parisa Pearl Quentin Ramona Reza
Rohan Ruth Saoirse Seamus Shira Silas Soren Stellan Suki Tamsin Thiago Tomasz Una Valentin Wanda
Wren Yasmin Yosef Zofia Arturo Bea Chidi Dara Effie Fintan Gita Hal Idris Jonah Kemal Lottie
Marek Nico Ona Perrin Rocio Sunil Tova Ulrich Vida Wim Xiomara Yuki Zeb Amos Birgit Cosmo Dorothea""")
MORE_LAST_NAMES = _words("""Abara Bergstrom Castillo Delacroix Eriksen Fontaine Gallagher Horvath
Ishikawa Jaramillo Kiplagat Lombardi Mahoney Nakamura Oduya Pereira Quintero Rasmussen Szabo
Takahashi Ueda Varga Whitlock Xu Yamada Zielinski Achterberg Bianchi Cardenas Dvorak Esposito
Farouk Grimaldi Hollis Iyer Jovanovic Kruger Lemaire Mendez Novotny Ostrowski Pham Ricci
Sandoval Toivonen Urquhart Valdez Wojcik Yeboah Zamora Ahern Boateng Coelho Dunne Ekwueme""")
MORE_CITIES = _words("""Albany Bilbao Bremen Bristol Bursa Chattanooga Cluj Dundee Eindhoven Fresno
Galway Ghent Graz Halifax Hobart Kaunas Lausanne Leipzig Lille Ljubljana Lodz Lubbock Macon Madison
Mobile Nantes Nashville Newcastle Odense Omaha Oulu Plovdiv Poznan Quebec Regina Reno Salta
Savannah Sevilla Spokane Tacoma Tartu Toledo Trieste Tucson Utrecht Verona Wichita Winnipeg Yakima
Zaragoza Akron Aarhus Bergen Bologna Cardiff Dijon Erie Fargo Geelong Hilo""")
SYLLABLES = _words("""ar ba bel ca cor da del el fa fen gal go ha ix ja ka ker la lo ma mer
na no or pa per qu ra ren sa so ta tor ul va ven wa xi ya zo""")

STREET_KINDS = ["Road", "Street", "Avenue", "Lane", "Park", "Drive", "Way", "Industrial Estate"]

# Speech: fillers, sentence leads and hedges (gen_corpus.speechify places them).
FILLERS = ["um", "uh", "you know", "I mean", "like", "um, you know", "uh, I mean", "kind of",
           "sort of", "basically", "honestly", "I guess", "I think", "more or less", "let's say"]
LEADS = ["Um,", "Uh,", "So,", "Well,", "Yeah,", "Okay,", "I mean,", "You know,", "Um, so",
         "Uh, yeah,", "And, um,", "So, uh,", "Yeah, so", "Honestly,", "Right, so", "Mm, so",
         "Oh,", "Okay, so, um,", "I mean, yeah,", "Yeah, no,"]
HEDGES = [", I think", ", more or less", ", roughly", ", at least on paper", ", or something like that",
          ", for the most part", ", I guess", ", give or take", ", if I remember right",
          ", last I checked", ", from what I've seen", ", kind of", ", in theory"]
# Compounds speakers coin on the fly ("invoice-wise", "pallet-level"): each one is rare.
COMPOUND_TAILS = ["wise", "related", "heavy", "level", "based", "driven", "specific", "type", "facing",
                  "side", "only", "friendly", "sized", "free", "by-{noun}"]

# Clause parts, composed into sentences by the templates below. Fields: {things} a plural noun
# phrase, {thing} a singular or plural one, {noun}/{nouns} a bare noun, {adj}, {verb} (base form),
# {verbs} (-s), {verbed} (past), {verbing}, {count}, {amount}, {date}, {month}, {ordinal},
# {when} (with its leading space, or nothing), {person}, {someone}, {city2}, {conn} (a joining
# word), {hedge}, and contractions said either way: {we_are}, {we_have}, {do_not}, {it_is}.
CLAUSE = {
    # The prospect on their own world: how work gets done today.
    "world": [
        "we {verb} {things}{when}", "{someone} {verbs} {thing}{when}",
        "we {verbed} {things}{when}", "{we_are} still {verbing} {things}{when}",
        "somebody on the {team} side has to {verb} {things}{when}",
        "there are about {count} {nouns} at each {noun}", "it takes {count} people to {verb} {things}",
        "half of {things} are still {adj}", "we {do_not} really {verb} {things}, {person} does",
        "{things} come in from {count} different {nouns}", "each {noun} gets {verbed}{when}",
        "the {adj} {noun} lives in {tool}", "I {verb} {things} myself{when}",
        "{person} and I {verbed} {things}{when}",
        "{we_have} got {count} {adj} {nouns} and maybe {count} {adj} {nouns}",
        "{person} keeps a list of {things} in {tool}", "{it_is} mostly {things} and {things}",
        "the {team} folks {verb} {things} and then {person} {verbs} them again",
        "we used to {verb} {things}{when}, now we {verb} {things}",
        "{things} go from {team} to {team} and back", "nobody really owns {things}",
        "we ship to {company2} and {company2} mostly", "{company2} is about half our volume",
        "our site on {street} does most of {things}", "we run the {model} for {things}",
        "{person} {surname} over at {company2} {verbs} {things} for us",
        "{someone} signs off on anything over {amount}", "we {verbed} about {count} {nouns} in {month}",
        "{it_is} {a_noun} for us, about {count} {nouns} a {period}",
        "most of {things} get {verbed} by {person}", "we have {count} {nouns} in {city2}",
    ],
    # Something that slows them down; no cue words (the frames around it carry the disclosure).
    "pain": [
        "it takes {count} hours to {verb} {things}", "{someone} has to {verb} every {noun} by hand",
        "{things} live in {count} different places", "nobody can tell which {noun} is the current one",
        "{things} get {verbed} twice", "we only find out about {things}{when}",
        "{person} spends {count} hours a {period} {verbing} {things}",
        "the {adj} {nouns} never match what {tool} says",
        "half of {things} have to be {verbed} again", "every {noun} needs {count} signatures",
    ],
    # What the rep's offer does, in the rep's words.
    "pitch": [
        "you'd be able to {verb} {things} from one screen", "the {product} {verbs} {things} for you",
        "your {team} people can {verb} {things} without opening {tool}",
        "one of our {industry} customers in {city2} {verbed} {things} in about {count} {units}",
        "most teams start by {verbing} {things}", "it {verbs} {thing} and flags anything that looks off",
        "you can set a rule for {things}, so they get {verbed}{when}",
        "it keeps a history of every {noun}, who touched it and when",
        "{things} show up in one list with who owns each one",
        "a lot of folks {verb} {things} with it{when}", "you'd see {things} next to {things}",
        "the {noun} view shows {things} by {noun}", "you can {verb} {thing} right from your phone",
        "{person} on our side set that up for one {industry} group with {count} {nouns}",
        "{company2} in {city2} uses it for {things}", "it reads the {model} exports as they are",
    ],
}
CONNECTORS = ["and", "but", "so", "because", "and then", "plus", "although", "which means",
              "and honestly", "so basically", "and, um,", "but, you know,", "and also", "since",
              "and that's why", "except"]
PERIODS = ["week", "month", "quarter", "shift", "cycle"]
UNITS = ["weeks", "months", "sprints", "days"]

# Frames that use the clause parts, added to the hand-written sentence lists.
MORE = {
    ("PROSPECT", "reply"): [
        "{world}.", "{world}, {conn} {world}.", "Well, {world}.", "{world}{hedge}.",
        "Honestly, {world}.", "It's mostly that {world}.", "{world}, and honestly it's getting worse.",
        "Right now {world}.", "So {world}.", "I'd say {world}.",
        "Yeah, {world}.", "About {count}, and {world}.", "Hmm, {world}, I think.",
    ],
    ("PROSPECT", "pain"): [
        "The thing is, {pain}.", "Our biggest headache is that {pain}.",
        "{pain}, {conn} {world}.", "What slows us down is that {pain}.",
        "Basically {pain}.", "And {pain}, which nobody likes.", "{pain}, and it's getting worse.",
        "Honestly it's frustrating, {pain}.", "The {team} team is fed up because {pain}.",
        "I'm worried about {things}, because {pain}.",
    ],
    ("PROSPECT", "object"): [
        "{world}, so I'm not sure we need this yet.", "Our {title} wants to see numbers first, {conn} {world}.",
        "We'd need to {verb} {things} first.",
    ],
    ("REP", "pitch"): [
        "{pitch}.", "{pitch}, {conn} {pitch}.", "So {pitch}.", "And {pitch}.", "{pitch}.",
        "The idea is that {pitch}.", "For example, {pitch}.", "{pitch}, which saves a lot of back and forth.",
    ],
    ("REP", "follow"): [
        "Okay, so {world}. Got it.", "Interesting, so {person} {verbs} {things}.",
        "Right, and {things} come from {tool}?", "So it's {count} people on that?",
        "Okay, that's helpful. And {things}, who handles those?",
    ],
    ("REP", "discover"): [
        "How do you {verb} {things} today?", "Who {verbs} {things} when {person} is out?",
        "How many {nouns} do you {verb} in a {period}?", "Walk me through how {things} get {verbed}.",
        "What do you use to {verb} {things} right now?", "Where do {things} end up after that?",
        "And how long does it take to {verb} {things}?",
    ],
}
QA_MORE = {
    "pricing": ["How much would it be for {count} {nouns}?", "Is {feature} included or extra?",
                "What would we pay for {count} people on the {team} team?"],
    "integration": ["Can it pull {things} out of {tool}?", "Does it talk to {tool} or do we export by hand?",
                    "Could it read {things} from our {noun} system?"],
    "security": ["Where would {things} be stored?", "Who at your company could see {things}?"],
    "timeline": ["How long would it take to move {things} over?", "Could we be up and running before {month} with {count} people?"],
    "support": ["Who do we call if {things} stop syncing?", "Is there training for the {team} team?"],
    "contract": ["Can we add {count} more seats later?", "Could we start with just the {city2} office, maybe {count} people?"],
}
MORE_BACKCHANNELS = ["Mhm.", "Yep.", "Right, right.", "Okay, okay.", "Yeah, yeah.", "Oh, okay.",
                     "Gotcha.", "Sure, sure.", "Mm.", "Uh-huh, yeah.", "Okay, great.", "Yeah, totally.",
                     "Makes sense.", "Interesting.", "Oh, nice.", "Right, yeah.", "Mm-hmm, yeah."]
# Wider call-level and per-use pools: more teams, titles, tools, features, metrics.
MORE_POOLS = {
    "team": """accounts payable|accounts receivable|dispatch|inbound|returns|billing|payroll|
customer success|quality|maintenance|front desk|scheduling|claims|underwriting|facilities|
fleet|purchasing|merchandising|logistics|compliance|admissions|records|intake|training|
events|catering|housekeeping|reservations|estimating|project management""",
    "title": """finance director|plant manager|head of operations|IT manager|controller|
practice manager|general manager|owner|regional director|store manager|office manager|
fleet manager|head of finance|managing partner|chief nurse|principal|superintendent""",
    "tool": """a shared Google sheet|an old Excel macro|QuickBooks|a whiteboard in the break room|
two spreadsheets and a lot of email|the accounting system|a ticketing system nobody likes|
a binder at the front desk|sticky notes, honestly|the ERP|a custom Access thing from 2009|
WhatsApp groups|a scheduling app the drivers use|the time clock system|a paper log|
an intranet page|whatever the last manager set up""",
    "feature": """the {noun} tracker|bulk {verbing}|{adj} reports|the {noun} inbox|
automatic {noun} matching|the {noun} timeline|per-{noun} permissions|{noun} templates|
the {adj} view|the {noun} scanner""",
    "metric": """{noun} turnaround|time per {noun}|{adj} {noun} counts|{noun} accuracy|
hours spent {verbing} {nouns}|cost per {noun}|{noun} cycle time|{nouns} per shift|
{adj} {noun} errors|time to {verb} {things}|{noun} rework|{adj} {noun} overtime|missed {nouns}|
{noun} write-offs|{nouns} {verbed} by hand|{adj} {noun} variance|time spent {verbing} {things}""",
}
