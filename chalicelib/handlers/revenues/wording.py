"""What residents read from council tax linking and the view (server side)."""
REFERENCE = "Check the account reference: it is 9 digits starting with 5, as printed on your bill."
NAME = "Give your name as it is printed on the bill."
CHECKS = "Give at least two of: the online key on your bill, the postcode, the last 3 digits of your phone " \
         "number, the last 3 digits of the bank account you pay by Direct Debit from."
NOT_MATCHED = "We could not match those details to a council tax account. Check them against your latest bill " \
              "and try again."
TOO_MANY = "Too many attempts to link a council tax account. Try again later, or call us."
TOO_MANY_LINKS = "You have linked as many accounts as you can. Unlink one first."
UNAVAILABLE = "Council tax accounts cannot be reached just now. Try again in a few minutes."
NOT_LINKED = "No linked council tax account has that id."
NO_DOCUMENT = "That account has no such bill or letter."
NOT_CONFIGURED = "Council tax accounts are not available here."
