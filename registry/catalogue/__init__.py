"""Reference data transcribed from the customer's source documents (``shared/seeds``)."""
