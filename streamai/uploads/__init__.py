from .client import PermanentError, ProcessingApiClient, ProcessingApiError, TransientError
from .queue import STATES, Job, UploadQueue
from .worker import RetryPolicy, UploadWorker
