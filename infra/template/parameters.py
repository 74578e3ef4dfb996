"""What a deployment is told: `make deploy STAGE=... PUBLIC_URL=...` passes these."""

PARAMETERS = {
    "Stage": {
        "Type": "String", "AllowedPattern": "^[a-z][a-z0-9-]{0,19}$",
        "Description": "The stage's name: tables are doorstep-<Stage>-<name>, DOORSTEP_STAGE is this.",
    },
    "PublicUrl": {
        "Type": "String", "AllowedPattern": "^https://[a-z0-9.-]+(:[0-9]+)?$",
        "ConstraintDescription": "an https origin with no path or trailing slash, e.g. https://report.example.gov.uk",
        "Description": "DOORSTEP_PUBLIC_URL: where residents reach the app; links in messages are built "
                       "from it, and it is the only origin allowed to post photos to the bucket.",
    },
    "EmailFrom": {
        "Type": "String", "MinLength": 3,
        "Description": "DOORSTEP_EMAIL_FROM: the sender of Doorstep's e-mail, e.g. 'York Council <noreply@york.gov.uk>'.",
    },
    "SesIdentity": {
        "Type": "String", "MinLength": 3,
        "Description": "The verified SES identity (domain or address) EmailFrom sends as; sending is allowed from it alone.",
    },
    "CertificateArn": {
        "Type": "String", "Default": "",
        "Description": "An ACM certificate in us-east-1 for PublicUrl's host name; empty: CloudFront's own domain.",
    },
    "CouncilAddresses": {
        "Type": "CommaDelimitedList", "Default": "",
        "Description": "Every council's own web address (host names, e.g. report.york.gov.uk,report.northlanarkshire."
                       "gov.uk) besides PublicUrl's: CloudFront answers at each, CertificateArn covering them all. "
                       "Which council an address is comes from the councils' settings (doorstep councils add).",
    },
    "AlarmEmail": {
        "Type": "String", "Default": "",
        "Description": "Who alarms are e-mailed to (confirm the subscription SNS sends); empty: subscribe later.",
    },
    "OpenDataLicence": {
        "Type": "String", "Default": "OGL-UK-3.0", "MinLength": 3,
        "Description": "DOORSTEP_OPEN_DATA_LICENCE: the licence open data is published under, an id "
                       "(OGL-UK-3.0, CC-BY-4.0, CC0-1.0, ODbL-1.0) or 'Name|https://its-url'.",
    },
    "PayUrl": {
        "Type": "String", "Default": "https://publicapi.payments.service.gov.uk",
        "Description": "DOORSTEP_PAY_URL: the payment provider's API (GOV.UK Pay's, or anything speaking it).",
    },
    "CivicaUrl": {
        "Type": "String", "Default": "",
        "Description": "DOORSTEP_CIVICA_URL: the council's Civica OpenRevenues URL (docid XML); empty: no council "
                       "tax in My Account. Its service user and password go in the CivicaUser and CivicaPassword "
                       "secrets.",
    },
    "ModernGovUrl": {
        "Type": "String", "Default": "",
        "Description": "DOORSTEP_MODERNGOV_URL: the council's Modern.gov site root (e.g. "
                       "https://democracy.york.gov.uk); empty: no meetings are synced.",
    },
    "PlanningUrl": {
        "Type": "String", "Default": "",
        "Description": "DOORSTEP_PLANNING_URL: the council's planning register, Idox Public Access's root (e.g. "
                       "https://planningaccess.york.gov.uk/online-applications/) or PlanIt's; empty: no planning "
                       "applications are synced.",
    },
    "PlanningVendor": {
        "Type": "String", "Default": "idox", "AllowedValues": ["idox", "planit"],
        "Description": "DOORSTEP_PLANNING_VENDOR: how the register is read: idox (Public Access pages) or planit "
                       "(PlanIt's JSON API, with PlanningAuthority its name of the council's area).",
    },
    "PlanningAuthority": {
        "Type": "String", "Default": "",
        "Description": "DOORSTEP_PLANNING_AUTHORITY: PlanIt's name of the council's area (PlanIt only).",
    },
    "WebcastUrl": {
        "Type": "String", "Default": "",
        "Description": "DOORSTEP_WEBCAST_URL: the webcast provider's address of a meeting's webcast with "
                       "{meeting_id} in it; empty: meetings show no webcast (their chapters still keep).",
    },
    "WebcastChaptersUrl": {
        "Type": "String", "Default": "",
        "Description": "DOORSTEP_WEBCAST_CHAPTERS_URL: the provider's index of a recording's item times, a WebVTT "
                       "chapters track, with {meeting_id} in it; empty: chapters are not imported.",
    },
    "BillOfficeUrl": {
        "Type": "String", "Default": "",
        "Description": "DOORSTEP_BILL_OFFICE_URL: the base the funds file's ${BILL_OFFICE} names (the parking "
                       "system's PCN lookups, the posting receivers); its key goes in the BillOfficeSecret secret.",
    },
    "ApiRateLimit": {
        "Type": "Number", "Default": 50, "MinValue": 1,
        "Description": "API Gateway's steady requests per second for the whole API.",
    },
    "ApiBurstLimit": {
        "Type": "Number", "Default": 100, "MinValue": 1,
        "Description": "API Gateway's burst of requests above the steady rate.",
    },
}

CONDITIONS = {
    "HasAlarmEmail": {"Fn::Not": [{"Fn::Equals": [{"Ref": "AlarmEmail"}, ""]}]},
    "HasCertificate": {"Fn::Not": [{"Fn::Equals": [{"Ref": "CertificateArn"}, ""]}]},
    "HasCouncilAddresses": {"Fn::Not": [{"Fn::Equals": [{"Fn::Join": ["", {"Ref": "CouncilAddresses"}]}, ""]}]},
}
