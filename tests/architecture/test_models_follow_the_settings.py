"""A model reaches the table the settings now in force name, whatever it reached before.

The settings change between tests (moto's tables, then DynamoDB Local's under a
worker's prefix): a model's table connection kept from the old ones was sent to
the new endpoint, and a moto test's first call asked moto for
"contract-gw0-throttle"."""


def test_a_model_used_after_the_settings_change_names_the_table_of_the_new_settings(storage, monkeypatch):
    from chalicelib.storage import binding
    from chalicelib.storage.counters import CounterModel
    list(CounterModel.scan())  # its table connection made, and kept, under the tests' own settings
    monkeypatch.setenv("DOORSTEP_TABLE_PREFIX", "elsewhere-")
    assert CounterModel._get_connection().table_name == "elsewhere-" + binding.short_name(CounterModel)
