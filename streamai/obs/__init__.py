from .controller import CONNECTED, DISCONNECTED, RECONNECTING, ConnectionState, ObsController
