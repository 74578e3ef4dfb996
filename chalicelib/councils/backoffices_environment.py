"""The default council's back offices from the environment variables a deployment made before
councils set (chalicelib/config.py, handlers/planning/settings.py), in the shape its settings'
`back_offices` take, secrets resolved: used only for a kind its settings do not name
(backoffices.named). Each is None when its address is not set."""
import os


def _env(name):
    return (os.environ.get(name) or "").strip() or None


def revenues():
    from ..config import revenues as found
    from ..keystore import optional
    conf = found()
    return conf["url"] and {"url": conf["url"], "user": optional("DOORSTEP_CIVICA_USER") or "",
                            "password": optional("DOORSTEP_CIVICA_PASSWORD") or "",
                            "timeout_s": conf["timeout_s"], "nightly": conf["nightly"]}


def scheduler():
    from ..config import scheduler as found
    from ..keystore import optional
    conf = found()
    return conf["url"] and {"url": conf["url"], "login": optional("DOORSTEP_DRS_LOGIN") or "",
                            "password": optional("DOORSTEP_DRS_PASSWORD") or "", "contract": conf["contract"],
                            "timeout_s": conf["timeout_s"], "search_days": conf["search_days"]}


def committee():
    from ..config import democracy
    conf = democracy()
    return conf["url"] and {"url": conf["url"], "timeout_s": conf["timeout_s"], "plan_id": conf["plan_id"]}


def planning():
    from ..handlers.planning.settings import planning as found
    conf = found()
    return conf["url"] and {key: value for key, value in conf.items() if key != "data_dir"}


def payments():
    """GOV.UK Pay's one account the variables name: DOORSTEP_PAY_API_KEY, DOORSTEP_PAY_WEBHOOK_SECRET."""
    from ..config import payments as found
    from ..keystore import optional
    api_key = optional("DOORSTEP_PAY_API_KEY")
    if not api_key:
        return None
    conf = found()
    return {"url": conf["url"], "timeout_s": conf["timeout_s"], "account": "live",
            "accounts": {"live": {"api_key": api_key, "webhook_secret": optional("DOORSTEP_PAY_WEBHOOK_SECRET")}}}


def bill_office():
    from ..keystore import optional
    url = _env("DOORSTEP_BILL_OFFICE_URL")
    return url and {"url": url, "secret": optional("DOORSTEP_BILL_OFFICE_SECRET") or ""}


def webcasts():
    from ..config import webcasts as found
    conf = found()
    return (conf["url"] or conf["chapters_url"]) and conf


FROM_ENVIRONMENT = {"revenues": revenues, "scheduler": scheduler, "committee": committee, "planning": planning,
                    "payments": payments, "bill_office": bill_office, "webcasts": webcasts}
