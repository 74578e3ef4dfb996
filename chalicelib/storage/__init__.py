"""Every PynamoDB model and the repository functions over them.

Only this package (and notify/) talks to AWS. Import the submodule you need:
importing this package itself stays free.
"""
