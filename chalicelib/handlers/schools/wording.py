"""What parents and admissions officers read about school places (server side)."""
NOT_ASKED = "This is not part of an application for a school place."
ROUND = "Choose the school year and phase, such as 2027-primary."
NO_RULES = "We do not take applications for that school year here yet."
CHILD_NAME = "Give your child's full name (at most 100 characters)."
BIRTH = "Give your child's date of birth as YYYY-MM-DD."
BIRTH_FUTURE = "Your child's date of birth cannot be in the future."
BIRTH_TOO_LONG_AGO = "Check your child's date of birth: a child at school was born in the last {years} years."
WRONG_YEAR = ("A child born on that day normally starts {phase} school in {normal}, not {year}. Apply for {normal}, "
              "or call us to ask for a place outside the normal age group.")
HOME = "Choose your home address from the list."
NOT_HERE = "That address is not in our address list. Apply to the council where you live."
PREFERENCES = "Choose between {least} and {most} schools, in the order you prefer them."
PREFERENCE_SCHOOL = "Choose a school from our list of {phase} schools."
PREFERENCE_TWICE = "Each school can be chosen once."
SIBLING = "Give the brother's or sister's name and their year group at the school (at most 200 characters each)."
LOOKED_AFTER = "Give the council that looks after, or looked after, your child (at most 200 characters)."
CLOSED = ("Applications for this school year closed on {date}, and so did changes to them. Call us to make a late "
          "application: late ones are looked at after the on-time ones, from offer day.")
NO_APPLICATION = "You have no application with that reference."
KEY_USED = "another application"
CHANGED = "Your application has changed since you opened it. Open it again and make your change there."

# Offers, answers and appeals
NOT_YET = "Offers for this school year are made on {date}."
NO_OFFER = "There is no offer on this application to answer."
ANSWER = "Choose accept or decline."
ANSWERED = "You have already answered this offer."
OFFER_EXPIRED = "This offer was open until {date}. Call us if you still want the place."
WAITING_OFFERED = ("A place at {school} has come up for {child} from its waiting list. Accept or decline it by "
                   "{date}. If you accept it, {child} gives up the place they hold now.")
APPEAL_SCHOOL = "Choose a school you applied for and were not offered."
GROUNDS = "Say why you are appealing, in 10 to 2000 characters."
APPEALED = "You have already appealed for this school."
LATE_APPEAL = ("Appeals were due by {date}. Yours is taken as late: it is heard with the others where possible, "
               "or within 30 school days.")

# Officers
REASON = "Say why, in 5 to 300 characters."
NO_RUN = "There is no such allocation run for this round."
RELEASE_TOO_SOON = "Offers for this round can be released from {date} (offer day), not before."
BY_SCHEDULE = "the schedule, on offer day"
RELEASED_ALREADY = "Offers for this round were released already, at {at}, from run {run}."
NO_APPLICATIONS = "There are no applications for this round yet."

# What the parent reads about the offer (page, e-mail, text and push)
OFFERED = "{child} is offered a place at {school}, your {rank} preference."
ALLOCATED = ("None of the schools you chose had a place for {child} by their admission rules. {child} is offered "
             "a place at {school}, the nearest school with one.")
NOTHING = "We could not offer {child} a place at any school. We will contact you."
WAITING = "{child} is number {place} on the waiting list for {school}."
ACCEPTED = "You accepted the place at {school}."
DECLINED = "You declined the place at {school}."
EMAIL_SUBJECT = "Your school place offer"
TOLD_END = ("Accept or decline it by {date}: {link}\nYou can appeal for a school you preferred and were not "
            "offered until {appeal}.")
TOLD_LINK = "See it here: {link}"
SMS = "{offer} {end}"
SMS_END = "Answer by {date}: {link}"
PUSH_TITLE = "Your school place offer"
WAITING_SUBJECT = "A school place from the waiting list"
# A Scottish placing request (Education (Scotland) Act 1980 s.28A; the Deemed Decisions Regulations 1982)
PLACING_WAITING = ("We will answer your placing request by {date}. If we have not answered it by then, it is "
                   "treated as refused and you can appeal to the council's appeal committee.")
PLACING_DEEMED = ("We did not answer your placing request by {date}, so the law treats it as refused (a deemed "
                  "refusal). You can appeal to the council's appeal committee.")
PLACING_GRANTED = "Your placing request is granted."
PLACING_REFUSED = "Your placing request is refused. You can appeal to the council's appeal committee."
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth"}

# The event "My child is starting school": each part's words
KEY_USED_START = "another telling"
NO_START = "You have not told us of that child starting school."
PART_APPLY = "Apply for {child}'s school place by {date}. We have filled in what you told us."
PART_APPLIED = {"one": "You applied for 1 school. Offers are made on {date}.",
                "other": "You applied for {count} schools. Offers are made on {date}."}
PART_CLOSED = "Applications closed on {date}. Call us to make a late application."
PART_CATCHMENT = "{child}'s catchment school is {school}."
PART_ENROL = "Enrol there from {date}."
PART_NO_CATCHMENT = "Your home is in no catchment area we hold. Call us to find your school."
PART_PLACING = ("You can ask for another school with a placing request. Requests received by {received} are "
                "answered by {answer}.")
AWARD_NAMES = {"free_school_meals": "Free school meals", "clothing_grant": "The school clothing grant"}
PART_AWARDED = "{what}: awarded. Our benefits records show you qualify, so there is no form to fill in."
PART_AMOUNT = "We pay {amount} before the school year starts."
PART_ASK = "{what}: apply if you get a qualifying benefit. Our records do not show one for you yet."
PART_CHECKING = "{what}: we are checking our benefits records. Come back to this page in a minute."
PART_UNCHECKED = ("{what}: we could not check our benefits records. Apply if you get a qualifying benefit, and "
                  "our team will check it.")
PART_TRANSPORT = ("Free school transport: {school} is {distance} from your home, beyond the {limit} walking "
                  "distance for your child's age, so your child can have free transport. Apply for it.")
PART_NO_TRANSPORT = ("School transport: {school} is {distance} from your home, within the {limit} walking "
                     "distance for your child's age, so free transport is not offered.")
