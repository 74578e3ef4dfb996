"""The rows a life event told once keeps of what it changed or offered (moves
home, businesses starting up): one partition per resident, `part#<event>#<name>`
a row each, written once by a conditional put (a run again finds it), read with
the event's page by one Query. A store names its `_model` and its `_part` (a
row as a plain dict)."""
from .binding import get_or_none, writes
from .errors import EditConflict


class PartRows:
    _model = None

    @staticmethod
    def _part(row):
        raise NotImplementedError

    def parts(self, user_id, event_id):
        return [self._part(r) for r in self._model.query(user_id, self._model.sk.startswith(f"part#{event_id}#"),
                                                         consistent_read=True)]

    def part(self, user_id, event_id, name):
        row = get_or_none(self._model, user_id, range_key=f"part#{event_id}#{name}", consistent_read=True)
        return None if row is None else self._part(row)

    def add_part(self, user_id, event_id, name, state, data, now):
        """The part's row, once: False when it is there already (a run again)."""
        try:
            with writes(["part"]):
                self._model(user_id, f"part#{event_id}#{name}", state=state, data=data, created_at=now,
                            updated_at=now).save(condition=self._model.sk.does_not_exist())
        except EditConflict:
            return False
        return True

    def everything_of(self, user_id):
        """Export: every row of the resident's events (the events, their parts, officers' reads), plain."""
        return [{"row": r.sk, "state": r.state, **r.data, "at": r.created_at.isoformat()}
                for r in self._model.query(user_id, consistent_read=True)]

    def erase_user(self, user_id):
        with self._model.batch_write() as batch:
            for row in self._model.query(user_id, attributes_to_get=["user_id", "sk"]):
                batch.delete(row)
