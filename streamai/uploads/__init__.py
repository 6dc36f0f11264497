from .client import PermanentError, ProcessingApiClient, ProcessingApiError, TransientError, UploadReceipt
from .queue import STATES, DuplicateJob, Job, UploadQueue
from .worker import RetryPolicy, UploadListener, UploadWorker
