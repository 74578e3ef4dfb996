"""Street-crew teams, as data (`doorstep teams`). A council has tens of
teams, so they share one partition: listing them is one Query, never a Scan."""
from pynamodb.attributes import BooleanAttribute, UnicodeAttribute, UTCDateTimeAttribute, VersionAttribute

from ..binding import Stored, bind, get_or_none, model_of, record_of, table, writes
from ..council_key import CouncilKey
from ..records import Team
from ..data_map import holds_nothing

KIND = "team"


class TeamModel(Stored):
    class Meta:
        table_name = table("teams")
        billing_mode = "PAY_PER_REQUEST"

    personal = holds_nothing(name="a crew team's name")

    kind = CouncilKey(hash_key=True)  # always "team": one partition
    id = UnicodeAttribute(range_key=True)
    name = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()
    retired = BooleanAttribute(default=False)
    retired_at = UTCDateTimeAttribute(null=True)
    version = VersionAttribute()


class TeamStore:
    def __init__(self):
        bind()

    def all(self):
        return [record_of(Team, t) for t in TeamModel.query(KIND, consistent_read=True)]

    def get(self, team_id):
        return record_of(Team, get_or_none(TeamModel, KIND, range_key=team_id, consistent_read=True))

    def create(self, team):
        """AlreadyExists when the id is taken."""
        model = model_of(TeamModel, team, kind=KIND)
        with writes(["team"], exists={"team"}):
            model.save(condition=TeamModel.id.does_not_exist())
        team.version = model.version

    def save(self, team):
        """EditConflict when someone changed it since it was read."""
        model = model_of(TeamModel, team, kind=KIND)
        with writes(["team"]):
            model.save()
        team.version = model.version
