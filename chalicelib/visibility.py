"""What the public may see: one rule, asked by every output (report views,
the map, nearby reports, feeds, alerts, Open311).

- A category is public unless it is marked private (complaints, FOI
  requests...). A category the table no longer holds counts as private:
  nothing says its reports may be shown.
- Staff-only is about who may *report* in a category (inspections), not who
  may see it: a defect an inspector found is on the public map, reaches area
  alerts and feeds like any resident's report.
- In a public category, a field marked private in its definition is still
  left out of public views.
- Staff may mark one report private (a name in the description, a report
  about a person): it is then shown like a report of a private category.
"""


def category_is_public(service):
    return bool(service) and not service.get("private")


def report_is_public(report, services):
    """Whether a report (or a map pin of one) may be shown to anyone;
    services: {service_code: service} as deps.services.by_code() gives it."""
    return details_are_public(report, services.get(report.service_code))


def details_are_public(report, service):
    """Whether the public may see what the report says and where, beyond its status."""
    return category_is_public(service) and not getattr(report, "private", False)


def form_reference(report):
    """The FM- reference of the form a case was opened from, or None: such a
    case is the resident's own business, never shown to the public at all (a 404,
    not a status page), and its updates speak of their form (forms/cases.py)."""
    return (getattr(report, "fields", None) or {}).get("form_reference")


def form_title(report):
    """The title of the form a case was opened from, from its summary ("{title} {reference}",
    forms/cases.py, perhaps cut short); "form" when it cannot be told."""
    reference, summary = form_reference(report), report.summary or ""
    return (summary[:summary.rfind(f" {reference}")] if f" {reference}" in summary else summary).strip() or "form"


def public_categories(services):
    """The codes of the categories whose reports anyone may see."""
    return {code for code, service in services.items() if category_is_public(service)}


def public_fields(service):
    """The codes of a public category's extra fields the public may see."""
    return {f["code"] for f in (service or {}).get("fields", []) if not f.get("private")}


def followable(service):
    """Whether residents may follow a category's new reports (kind category)."""
    return category_is_public(service) and service.get("active", True)
