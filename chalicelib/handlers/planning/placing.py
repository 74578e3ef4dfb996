"""Where an application is, when its register gives no point (Idox): its
address's postcode found in our own gazetteer (the addresses table), the
house whose first line begins the application's address, else the middle of
the postcode's houses. One Query per postcode, remembered for the run. An
application we cannot place is kept, and shown by reference, but not on the
map; the sync counts them for staff."""
import re

POSTCODE = re.compile(r"\b([A-Z]{1,2}[0-9][0-9A-Z]?)\s*([0-9][A-Z]{2})\b", re.I)


class Placer:
    def __init__(self, addresses):
        self.addresses, self._by_postcode = addresses, {}

    def _houses(self, postcode):
        if postcode not in self._by_postcode:
            self._by_postcode[postcode] = self.addresses.by_postcode(postcode) if self.addresses is not None else []
        return self._by_postcode[postcode]

    def place(self, address):
        """(lat, lon) or (None, None)."""
        found = POSTCODE.search(address or "")
        if not found:
            return None, None
        houses = self._houses(f"{found.group(1)} {found.group(2)}".upper())
        if not houses:
            return None, None
        text = " ".join(address.lower().replace(",", " ").split())
        for house in houses:
            first = " ".join((house.lines[0] if house.lines else "").lower().replace(",", " ").split())
            if first and text.startswith(first + " "):
                return house.lat, house.lon
        return (round(sum(h.lat for h in houses) / len(houses), 6), round(sum(h.lon for h in houses) / len(houses), 6))
