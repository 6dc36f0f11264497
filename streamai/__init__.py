"""StreamAI: record with OBS Studio, ship every recording to a processing API."""
