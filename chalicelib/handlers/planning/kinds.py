"""An application's type, as alerts ask for it (alerts/limits.PLANNING_TYPES):
householder, full, outline, listed building, trees, advertisement or other.

Registers word types their own way ("Householder", "HOU - Householder
Application", "Listed Building Consent", "Trees in Conservation Area",
"Tree Preservation Order"), so the register's words are read first, by the
words they hold; without them (a register that says nothing), the
reference's last letters where a council's references carry its type
(`.../LBC`, `.../TCA`, `.../HOU`); else other. York's references end FUL for
householder and full alike: its register's words decide."""
import re

WORDS = (("listed_building", ("listed building",)), ("trees", ("tree", "tpo", "hedgerow")),
         ("advertisement", ("advert",)), ("householder", ("householder",)), ("outline", ("outline",)),
         ("full", ("full", "major", "minor", "change of use", "planning permission")))
SUFFIXES = {"LBC": "listed_building", "LB": "listed_building", "LBA": "listed_building", "TCA": "trees",
            "TPO": "trees", "TRE": "trees", "ADV": "advertisement", "ADVERT": "advertisement", "HOU": "householder",
            "HH": "householder", "HOUSE": "householder", "OUT": "outline", "OUTM": "outline", "FUL": "full",
            "FULM": "full", "F": "full", "FP": "full"}


def kind_of(app_type, reference):
    words = (app_type or "").lower()
    for kind, marks in WORDS:
        if any(mark in words for mark in marks):
            return kind
    last = re.split(r"[^A-Za-z0-9]+", (reference or "").strip())[-1].upper()
    return SUFFIXES.get(last, "other") if not words else "other"
