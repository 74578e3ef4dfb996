"""Doorstep's API: the capabilities' route tables wired into one Chalice app,
behind the middleware that authenticates, applies each route's access rule
and renders every error in one shape. Routes live with their capability
(chalicelib/handlers/*/routes.py); handlers are imported on first use."""
import logging

from chalice import Chalice

from chalicelib.api.middleware import for_registry
from chalicelib.api.registry import REGISTRY
from chalicelib.config import check_start_up, log_level
from chalicelib.handlers.accounts.routes import routes as accounts
from chalicelib.handlers.alerts.routes import routes as alerts
from chalicelib.handlers.appointments.routes import routes as appointments
from chalicelib.handlers.bills.routes import routes as bills
from chalicelib.handlers.bodies.routes import routes as bodies
from chalicelib.handlers.containers.routes import routes as containers
from chalicelib.handlers.consultations.routes import routes as consultations
from chalicelib.handlers.conversations.routes import routes as conversations
from chalicelib.handlers.conversations.socket_council import FUNCTION as SOCKET_AUTHORISER
from chalicelib.handlers.council.routes import routes as council
from chalicelib.handlers.crews.routes import routes as crews
from chalicelib.handlers.democracy.routes import routes as democracy
from chalicelib.handlers.feedback.routes import routes as feedback
from chalicelib.handlers.forms.routes import routes as forms
from chalicelib.handlers.forwarding.routes import routes as forwarding
from chalicelib.handlers.hire.routes import routes as hire
from chalicelib.handlers.licensing.routes import routes as licensing
from chalicelib.handlers.repairs.routes import routes as repairs
from chalicelib.handlers.repairs.desk.routes import routes as repairs_desk
from chalicelib.handlers.moderation.routes import routes as moderation
from chalicelib.handlers.moving.routes import routes as moving
from chalicelib.handlers.business.routes import routes as business
from chalicelib.handlers.officers.routes import routes as officers
from chalicelib.handlers.open311.routes import routes as open311
from chalicelib.handlers.operator.routes import routes as operator
from chalicelib.handlers.opendata.routes import routes as opendata
from chalicelib.handlers.participation.routes import routes as participation
from chalicelib.handlers.payments.routes import routes as payments
from chalicelib.handlers.petitions.routes import routes as petitions
from chalicelib.handlers.planning.routes import routes as planning
from chalicelib.handlers.privacy.routes import routes as privacy
from chalicelib.handlers.schools.routes import routes as schools
from chalicelib.handlers.places.routes import routes as places
from chalicelib.handlers.questionnaires.routes import routes as questionnaires
from chalicelib.handlers.reports.routes import routes as reports
from chalicelib.handlers.retention.routes import routes as retention
from chalicelib.handlers.scim.routes import routes as scim
from chalicelib.handlers.revenues.routes import routes as revenues
from chalicelib.handlers.landlords.routes import routes as landlords
from chalicelib.handlers.staff.routes import routes as staff
from chalicelib.handlers.stats.routes import routes as stats
from chalicelib.handlers.system.routes import ANY_PATH, routes as system
from chalicelib.handlers.waste.routes import routes as waste

check_start_up()  # a deployed stage without DOORSTEP_PUBLIC_URL does not start
app = Chalice(app_name="doorstep")


def every_council(schedule):
    """A schedule's run made once for every council the deployment serves, each working for its own."""
    from functools import wraps

    @wraps(schedule)
    def run(event):
        from chalicelib.councils.registry import each_council
        return each_council(lambda: schedule(event), schedule.__name__)
    return run


def for_socket(handler):
    """A WebSocket event handled for the council its connection's authoriser kept (on AWS), else the
    one its address names (requestContext.domainName: one machine's sockets, each at a council's address)."""
    from functools import wraps

    @wraps(handler)
    def run(event):
        from chalicelib import tenancy
        from chalicelib.councils.registry import NoCouncilHere, council_for_host
        from chalicelib.handlers.conversations.socket_council import kept
        council = kept(event.to_dict())
        try:
            council = council or council_for_host(event.domain_name)
        except NoCouncilHere as refused:  # API Gateway's own address and no council kept: the chat polls
            return {"statusCode": refused.status}
        with tenancy.acting_for(council):
            return handler(event)
    return run
for _logger in (app.log, logging.getLogger("chalicelib")):  # "doorstep", which Chalice sets to ERROR, and
    _logger.setLevel(log_level())  # the modules' own (config.log_level)
REGISTRY.wire(app, system, reports, places, accounts, staff, crews, alerts, open311, stats, opendata,
              questionnaires, bodies, forwarding, payments, waste, conversations, petitions, forms,
              moderation, revenues, landlords, bills, appointments, containers, hire, licensing, repairs, repairs_desk, democracy, participation, consultations, officers,
              operator, planning, moving, schools, business, council, privacy, retention, feedback, scim, ANY_PATH)
app.register_middleware(for_registry(REGISTRY), "http")
app.api.binary_types.append("application/pdf")  # council tax bills (handlers/revenues)
app.experimental_feature_flags.update(["WEBSOCKETS"])


# Live chat's WebSocket API (API Gateway; on one machine doorstep_cli/local/sockets.py
# calls these same functions): a connection is authorised and follows one
# conversation; new messages are posted to it (handlers/conversations/live.py).
@app.lambda_function(name=SOCKET_AUTHORISER)
def chat_socket_authorise(event, context):
    """The $connect route's REQUEST authoriser (infra/template/sockets.py): the council the page names."""
    from chalicelib.handlers.conversations.socket_council import authorise
    return authorise(event)


@app.on_ws_connect()
@for_socket
def chat_socket_connect(event):
    from chalicelib.handlers.conversations.socket_events import connect
    return connect(event)


@app.on_ws_message()
@for_socket
def chat_socket_message(event):
    from chalicelib.handlers.conversations.socket_events import message
    return message(event)


@app.on_ws_disconnect()
@for_socket
def chat_socket_disconnect(event):
    from chalicelib.handlers.conversations.socket_events import disconnect
    return disconnect(event)


# The events table's stream invokes this function; the event source mapping
# lives in the template (infra/), since on_dynamodb_record would need the
# stream's literal ARN when packaging (chalice#1882).
@app.lambda_function(name="dispatch_events")
def dispatch_events(event, context):
    from chalice.app import DynamoDBEvent
    from chalicelib.handlers import stream
    from chalicelib.deps import default_deps
    stream.on_stream(DynamoDBEvent(event, context), default_deps)


# The alert queue's event source mapping (in the template) invokes this
# function with page jobs and events' effects (handlers/shared/effects.py); it
# reports those to run again (partial batch failure).
@app.lambda_function(name="deliver_alerts")
def deliver_alerts(event, context):
    from chalicelib.handlers.alerts import worker
    from chalicelib.deps import default_deps
    return worker.on_queue(event, default_deps, lambda: context.get_remaining_time_in_millis() / 1000)


# The send queue's event source mapping (in the template) invokes this with
# tries of reports on their way to other bodies (Open311, e-mail).
@app.lambda_function(name="send_reports")
def send_reports(event, context):
    from chalicelib.handlers.forwarding.queue import on_queue
    from chalicelib.deps import default_deps
    return on_queue(event, default_deps)


# Every minute: sends whose retry is due are queued, reports a body has not
# answered in time are sent once more, and Open311 bodies' updates are read.
@app.schedule("rate(1 minute)", name="forward_reports")
@every_council
def forward_reports(event):
    from chalicelib.handlers.forwarding.schedule import every_minute
    from chalicelib.deps import default_deps
    every_minute(default_deps())


# Every night, the open data files are written again from the public reports
# (`doorstep export` does the same by hand).
@app.schedule("cron(30 2 * * ? *)", name="export_open_data")
@every_council
def export_open_data(event):
    from chalicelib.handlers.opendata.export import publish
    from chalicelib.deps import default_deps
    publish(default_deps())


# Every hour, reporters whose questionnaire is due are asked "has it been
# fixed?" (a due index read, never the reports; on one machine the local
# stack runs the same every minute).
@app.schedule("rate(1 hour)", name="send_questionnaires")
@every_council
def send_questionnaires(event):
    from chalicelib.handlers.questionnaires.sending import send_due
    from chalicelib.deps import default_deps
    send_due(default_deps())


# Every hour, petitions open past their closing moment are closed and their
# signers told (a read that finds one first closes it as well, once).
@app.schedule("rate(1 hour)", name="close_petitions")
@every_council
def close_petitions(event):
    from chalicelib.deps import default_deps
    from chalicelib.handlers.petitions.moderation import close_due
    return close_due(default_deps())


# Every minute, residents' council tax requests the back office has not
# taken yet (down, its nightly window) are sent again when their try is due,
# or at once when it answers again (a due index read; the back office keeps one
# request per key); and forms' webhook posts a council system has not taken
# yet, likewise (forms/webhook_queue.py).
@app.schedule("rate(1 minute)", name="send_council_tax_requests")
@every_council
def send_council_tax_requests(event):
    from chalicelib.deps import default_deps
    from chalicelib.handlers.forms.webhook_queue import send_due as send_form_hooks
    from chalicelib.handlers.revenues.sending import send_due
    deps = default_deps()
    return {**send_due(deps), **send_form_hooks(deps)}


# Every night, each council's retention sweep (handlers/retention/sweep.py): street reports past its
# period after closure anonymised, unused accounts warned and then removed at the council, and forms'
# submissions and consultations' responses past their form's retention deleted with their files; each
# kind read from its due index, never the tables, and a report of the run kept.
@app.schedule("cron(45 3 * * ? *)", name="sweep_retention")
@every_council
def sweep_retention(event):
    from chalicelib.deps import default_deps
    from chalicelib.handlers.retention.sweep import nightly
    return nightly(default_deps())


# Every night, at a council without SCIM, officers who have not signed in there for
# its unused_days are suspended: grant taken, sessions ended, a line in its
# provisioning log (handlers/scim/unused.py: the grants' idle index read, never a Scan).
@app.schedule("cron(15 4 * * ? *)", name="suspend_unused_officers")
@every_council
def suspend_unused_officers(event):
    from chalicelib.deps import default_deps
    from chalicelib.handlers.scim.unused import suspend_unused
    return suspend_unused(default_deps())


# Every 15 minutes from 09:00 London time, tomorrow's appointments not yet
# reminded of are taken from the sparse reminder index, each with its event;
# the text and e-mail follow from the alert queue (handlers/appointments/reminders.py);
# and waiting-list offers past their time go to the next resident waiting; and consultations
# that have opened, or close within three days, get their notice's event once each
# (handlers/consultations/notices.py: the fan-out tells their wards' followers).
@app.schedule("rate(15 minutes)", name="remind_appointments")
@every_council
def remind_appointments(event):
    from chalicelib.deps import default_deps
    from chalicelib.handlers.appointments.reminders import every_quarter
    from chalicelib.handlers.consultations.notices import every_quarter as tell_consultations
    from chalicelib.handlers.repairs.desk.after import send_reminders as remind_repairs
    deps = default_deps()
    return {**every_quarter(deps), "consultations": tell_consultations(deps), "repairs": remind_repairs(deps)}


# Every 15 minutes, a round of school admissions whose run an officer chose for offer day is released
# once offer day has begun (London's day), with its event: the messages to every parent follow from it
# (handlers/schools/releasing.py; an officer's release on the day and this one make one release); and
# waiting lists' offers unanswered past their day lapse, each place offered on (handlers/schools/waiting.py).
@app.schedule("rate(15 minutes)", name="release_school_offers")
@every_council
def release_school_offers(event):
    from chalicelib.deps import default_deps
    from chalicelib.handlers.schools.releasing import every_quarter
    return every_quarter(default_deps())


# Every 15 minutes, the committee system is read into our own copy, asking only
# what can have changed (handlers/democracy/cadence.py); residents read the copy.
@app.schedule("rate(15 minutes)", name="sync_meetings")
@every_council
def sync_meetings(event):
    from chalicelib.deps import default_deps
    from chalicelib.handlers.democracy.sync import run
    return run(default_deps())


# Every hour, the planning register is read into our own copy: only the weekly lists
# that can hold something new and the applications they show new or changed, one
# request at a time with a gap (handlers/planning/sync.py); residents read the copy.
@app.schedule("rate(1 hour)", name="sync_planning")
@every_council
def sync_planning(event):
    from chalicelib.deps import default_deps
    from chalicelib.handlers.planning.sync import run
    return run(default_deps())


# Every five minutes, payments left unfinished are checked with the provider
# and settled (a payer who closed the tab still gets their booking), bulky,
# container and hall holds past their 30 minutes are released, and refunds
# left due (bulky's, a cancelled container's, a hall's cancelled session or deposit) are made,
# licences the law grants when undecided in time are granted (handlers/licensing/deeming.py), and
# licences' renewal and annual fee reminders due are sent (handlers/licensing/renewing.py).
@app.schedule("rate(5 minutes)", name="settle_payments")
@every_council
def settle_payments(event):
    from chalicelib.deps import default_deps
    from chalicelib.handlers.containers.cancelling import refunds_due as container_refunds_due
    from chalicelib.handlers.containers.settling import release_expired
    from chalicelib.handlers.hire.cancelling import refunds_due as hire_refunds_due
    from chalicelib.handlers.hire.settling import release_expired as release_hire_holds
    from chalicelib.handlers.licensing.jobs import every_five_minutes as licensing_jobs
    from chalicelib.handlers.waste.jobs import settle_all
    deps = default_deps()
    return {**settle_all(deps), "container_holds_released": release_expired(deps),
            "container_refunds_settled": container_refunds_due(deps),  # the cancellations' effect's backstop
            "hire_holds_released": release_hire_holds(deps), "hire_refunds_settled": hire_refunds_due(deps),
            **licensing_jobs(deps)}  # Scotland's 1982 Act's deemed grants; licences' reminders
