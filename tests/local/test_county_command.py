"""The county's command line carries random secrets: one that begins with "-"
must still be read as the value it is (argparse took "-Xy..." for an option,
and the county did not start: about one random password in 64)."""
from doorstep_cli.local.county import command, parse


def test_a_password_and_key_that_begin_with_a_dash_reach_the_county_as_given():
    argv = command(8010, "-key-with-dash", "/tmp/county", "officer@county.example", "-Ab3_x",
                   dynamodb="http://127.0.0.1:8000", emulator="http://127.0.0.1:8001")
    assert argv[1:3] == ["-m", "doorstep_cli.local.county"]
    args = parse(argv[3:])
    assert (args.port, args.key, args.data, args.staff_email, args.staff_password) == (
        8010, "-key-with-dash", "/tmp/county", "officer@county.example", "-Ab3_x")
    assert (args.dynamodb, args.emulator) == ("http://127.0.0.1:8000", "http://127.0.0.1:8001")


def test_the_county_on_its_own_storage_is_given_no_engine_address():
    args = parse(command(0, "o311_key", "/tmp/county", "o@county.example", "--Zq8_")[3:])
    assert (args.dynamodb, args.emulator, args.staff_password) == (None, None, "--Zq8_")
