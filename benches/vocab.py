"""Vocabulary and sentence templates for gen_corpus.py.

Templates use str.format fields. A field named after a call-level slot (rep, prospect, company,
vendor, product, industry, city) is the same for the whole call; any other field is drawn afresh
from the pool of the same name each time it appears, so that no two calls read alike.
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
    "event": """our VP of operations resigned on Monday|we lost our biggest customer last month|
one of our plants in {city} flooded last week|we're in the middle of a reorg|my team just got cut by a third|
we had an outage over the weekend and I barely slept|our CFO froze all new spending yesterday|
I just got back from two weeks out sick|we had a really tough call with one of our factory managers|
our main supplier went bankrupt|my manager quit and I'm covering two jobs|
a big shipment got stuck at the port for ten days|we failed an audit on Friday|
we just merged with a competitor and nobody knows who owns what|my kid has been in the hospital this week|
half of the support team is out with the flu""",
    "tool": """spreadsheets|an old homegrown system|a legacy ERP|email and shared drives|a whiteboard|
the CRM we bought five years ago|a patchwork of three tools|paper forms|an Access database""",
    "team": "operations|finance|sales|support|warehouse|IT|procurement|marketing|HR|field service|planning",
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
    "ack": """Yeah, tough, I know.|Oh, that's rough.|Totally, I hear you.|Gotcha.|Sorry to hear that.|
Ugh, yeah.|Oh wow, okay.|Right, right.|I bet.|Yeah, that happens.|Oof.|Makes sense.""",
}
POOLS = {k: [w.strip() for w in v.replace("\n", "").split("|")] for k, v in POOLS.items()}

# Rep sentences by purpose.
REP = {
    "greet": [
        "Hi {prospect}, this is {rep} from {vendor}.",
        "Hey {prospect}, {rep} here with {vendor}, how are you?",
        "Good morning {prospect}! Thanks for making the time.",
        "Hi {prospect}, can you hear me okay?",
        "Hello {prospect}, it's {rep} at {vendor}, how's your week going?",
        "Hey, thanks for jumping on, {prospect}.",
        "Afternoon {prospect}, hope I'm not catching you at a bad moment.",
    ],
    "smalltalk": [
        "How's the weather over in {city}?",
        "Did you have a good weekend?",
        "I saw {company} was hiring again, that's exciting.",
        "Busy time of year for {industry}, I imagine.",
        "Sorry, my video is a bit slow today.",
        "How are you doing this morning?",
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
    ],
    "purpose": [
        "The purpose of my call is to {goal}.",
        "I'm calling because you mentioned that {pain}, and I'd like to {goal}.",
        "The reason for my call is to {goal}.",
        "My goal for today is to {goal}.",
        "What I'd like to do today is {goal}, if that works for you.",
        "I'm calling because we helped another {industry} company with {metric}, and I'd like to {goal}.",
    ],
    "agenda": [
        "I thought we'd spend ten minutes on {topic}, then {topic}, and leave time for your questions. Does that work?",
        "Here's what I had in mind: {topic}, then {topic}. Anything you'd add?",
        "We've got about {mins} minutes, so I'd like to cover {topic} first.",
    ],
    "discover": [
        "How are you handling {metric} today?",
        "What happens when {pain}?",
        "Who else gets involved when you look at a new {team} tool?",
        "What would it mean for your team if {metric} went down by {pct} percent?",
        "Walk me through what your {team} team does on a typical Monday.",
        "What have you tried so far to fix that?",
        "How many people are on the {team} team?",
        "What does the approval process look like on your side?",
        "If you could wave a magic wand, what would change first?",
        "Is that something {title} is worried about too?",
        "What made you take this call today?",
        "How are you tracking that right now, in {tool}?",
    ],
    "follow": [
        "Interesting. Tell me more about that.",
        "That makes sense. And how often does that happen?",
        "Got it, so the real cost is the time your team loses.",
        "So if I hear you right, {pain}.",
        "Okay, and what does that do to {metric}?",
        "That's helpful, thank you.",
        "Right, we hear that a lot from {industry} teams.",
    ],
    "pitch": [
        "The {product} lets your {team} team see {metric} in real time.",
        "Customers in {industry} usually cut {metric} by about {pct} percent in the first quarter.",
        "We integrate with {tool} out of the box, so nobody has to re-key anything.",
        "With {feature}, the {team} lead gets an alert before it becomes a problem.",
        "One of our customers in {city} went live in {weeks} weeks and never looked back.",
        "We're the only vendor that ships {feature} and {feature} in the same plan.",
        "Our onboarding team handles the migration from {tool} for you.",
        "The dashboard updates every five minutes, so the numbers in the weekly review are always current.",
        "You can set up {feature} in an afternoon without calling IT.",
        "Pricing scales with usage, so you only pay for the seats you actually use.",
        "We've got {num} customers in {industry} alone.",
        "And the reporting is something people really love, it saves hours every week.",
        "Basically, it replaces {tool} with one place where everyone works from the same numbers.",
        "We also just launched {feature}, which a lot of {team} teams have been asking for.",
        "The nice thing is it works on a phone too, so the field team can use it.",
        "Our support team answers in under {num} minutes on average.",
    ],
    "engage": [
        "Oh no, what happened?",
        "That sounds really stressful. How is your team holding up?",
        "Wow, I'm sorry. Do you still want to do this today, or should we find another time?",
        "That's a lot to deal with. How is that affecting your week?",
        "So you're covering for that on top of everything else? How are you managing?",
        "Sorry to hear that. What does that mean for the {team} team?",
        "That must be tough. What's the plan from here?",
        "Sounds like a rough few days. Is there anything that would make today's call more useful for you?",
    ],
    "pivot": [
        "Anyway, let me walk you through the agenda.",
        "Hey, we've only got {mins} minutes, so let me pull up the slides.",
        "So, moving on, I wanted to show you {feature}.",
        "Okay, so back to the {product}.",
        "Let me just double-check this agenda with you so we can stay on track.",
        "So, like I said in my email, the {product} can really help.",
        "Anyway, the main thing I wanted to cover today is pricing.",
        "Let me share my screen and show you {feature}.",
    ],
    "deflect": [
        "Great question! Let me show you that in the demo.",
        "Good question, I think the demo will make that clearer, so let me share my screen.",
        "Love that question. Before we get there, let me tell you about {feature}.",
        "That's a great question, and honestly the best way to see it is a live demo.",
        "Great question. So, what most {industry} teams love is {feature}.",
        "We'll get to that. First let me show you how {feature} works.",
    ],
    "defer": [
        "I'll have someone from our {dept} team get back to you on that.",
        "Let me loop in {colleague} and follow up by email.",
        "I'll need to check with {colleague} and circle back.",
        "Good one, I'll find out and send it over after the call.",
        "I don't want to give you the wrong answer, so let me get {colleague} to email you.",
    ],
    "next": [
        "How about we put thirty minutes on the calendar for {day} at {time} with your {title}?",
        "I'll send over the proposal by {day}, and we can review it together on {day} at {time}.",
        "Can we book the technical deep dive for next {day}?",
        "Let's schedule a demo for your {team} team on {day} at {time}; I'll send the invite now.",
        "I'll email you the pilot plan today, and let's meet {day} at {time} to decide.",
    ],
    "close": [
        "Alright, well, thanks for your time.",
        "Great chatting, {prospect}. Talk soon.",
        "Feel free to reach out if anything comes up.",
        "Okay, I'll let you go. Have a good one.",
        "Thanks again, {prospect}, really appreciate it.",
    ],
    "backchannel": ["Mm-hmm.", "Right.", "Okay.", "Sure.", "Yeah.", "Got it.", "Uh-huh.", "I see."],
    "lead": ["So,", "Well,", "Honestly,", "Okay so", "And", "Yeah, and", "Look,", "Um,", "You know,"],
}

# Prospect questions and the rep answers that go with them, by topic.
QA = {
    "pricing": (
        ["How much does it cost for {num} users?", "What does pricing look like for a team our size?",
         "Is there a setup fee on top of the license?", "Do you charge per seat or per location?",
         "what would this run us per year"],
        ["It's {price} per seat per month, and annual plans get {pct} percent off.",
         "For {num} users you'd be around {price} a seat, no setup fee.",
         "We charge per seat; locations are unlimited, and there's no setup fee."],
    ),
    "integration": (
        ["Does it work with {tool}?", "How does it connect to our ERP?", "Can we get the data out through an API?",
         "Will it sync with what the {team} team already uses?"],
        ["Yes, there's a native connector for {tool}; setup takes about {num} days.",
         "We connect to the ERP through the standard API, and our team configures it with you.",
         "Yes, everything is available through a REST API and nightly exports."],
    ),
    "security": (
        ["Where is our data stored?", "Are you SOC 2 compliant?", "Who on your side can see our data?",
         "How do you handle GDPR?"],
        ["Data stays in the {region} region, encrypted at rest and in transit.",
         "Yes, we're SOC 2 Type II audited every year and I can send the report.",
         "Only two support engineers can access it, and every access is logged."],
    ),
    "timeline": (
        ["How long does implementation take?", "When could we realistically be live?",
         "How much time will my team need to put in?", "what does the rollout look like"],
        ["Most teams are live in {weeks} weeks; your team spends about two hours a week on it.",
         "If we start in {quarter}, you'd be live about six weeks later.",
         "Roughly {weeks} weeks, and the first two are mostly our onboarding team's work."],
    ),
    "support": (
        ["What happens if something breaks at night?", "Do we get a dedicated account manager?",
         "What kind of training do you offer?"],
        ["Support is 24/7 by chat and phone, with a one-hour response on urgent tickets.",
         "Yes, every account over {num} seats gets a named account manager.",
         "We run two live training sessions and give you recorded courses for new hires."],
    ),
    "contract": (
        ["Can we start month to month?", "What's the minimum contract length?", "Can we cancel if it doesn't work?"],
        ["Yes, month to month is fine; annual just gets you the discount.",
         "Twelve months is the minimum, with a ninety-day out clause.",
         "Yes, you can cancel in the first {num} days for a full refund."],
    ),
}

PROSPECT = {
    "greet": [
        "Hi {rep}, doing well, thanks.", "Busy week, but good.", "Hey {rep}. Yeah, I can hear you fine.",
        "Morning. Good, thanks, you?", "Hi, yes, sorry, I'm a couple of minutes late.", "Hey. All good here.",
    ],
    "disclose": [
        "Honestly, it's been a rough week. {event}.",
        "Kind of crazy, actually. {event}.",
        "I'm a bit distracted, to be honest, {event}.",
        "Not great. {event}, so things are pretty chaotic.",
        "Well, {event}, so I'm juggling a lot right now.",
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
        "Mostly {tool}, plus a lot of spreadsheets.",
        "Probably our {title} would have to sign off.",
        "It happens maybe {num} times a month.",
        "We tried a tool a couple of years ago but it didn't stick.",
        "Honestly, I'm not sure anyone owns that.",
        "It depends on the season, but it's worse in {quarter}.",
        "We'd want to see {metric} come down before anything else.",
        "That's a good question, I'd have to ask the {team} lead.",
    ],
    "object": [
        "Budget is tight until {quarter}.",
        "We looked at something like this last year and it didn't stick.",
        "I'm worried about how much time my team would need to put in.",
        "Honestly, {tool} works well enough for now.",
        "I'm not sure this is a priority for our {title} right now.",
    ],
    "reask": ["Sorry, going back to my question:", "But to be clear,", "Right, but I still need to know:",
              "Sorry, I didn't catch that.", "Okay, but again,"],
    "agree": ["Sounds good.", "Okay, that works.", "Sure, send it over.", "Yeah, let's do that.",
              "Fine by me.", "That works, I'll bring our {title}."],
    "bye": ["Okay, thanks {rep}.", "Thanks, bye.", "Talk soon.", "Alright, take care.", "Cheers."],
}
REP["ack"] = POOLS["ack"]
