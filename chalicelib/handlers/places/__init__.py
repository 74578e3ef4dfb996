"""Places: postcodes and addresses, a property's view and bin days, wards and councillors,
and "where's my nearest" facility."""
