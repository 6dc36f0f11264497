"""A split deployment (streamai web / control / worker): calls to the controller over Redis,
and which process is the controller."""
