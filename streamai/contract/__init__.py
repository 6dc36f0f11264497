"""The typed contract between StreamAI and its clients: requests, responses and events.

The lowest layer of the package: it depends on pydantic alone, and everything else may use it.
`vocabulary` has the shared words (states, models, limits), `requests` what clients send,
`models` what the API answers, `events` what the Socket.IO room hears.
"""
