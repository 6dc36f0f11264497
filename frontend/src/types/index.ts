// The one module the dashboard imports wire types from. Today ./api.ts is written by hand; once it is
// generated from the server's OpenAPI document (openapi-typescript), only this file changes: each name
// below becomes an alias of the generated schema, e.g.
//   export type UploadJob = components['schemas']['UploadJob'];
export type {
  ActiveRecordingStatus,
  ApiErrorBody,
  AuthInfo,
  ClientToServerEvents,
  FormattedRecording,
  FormattedRecordingsResponse,
  Health,
  IdleRecordingStatus,
  ManualUploadRequest,
  ManualUploadResponse,
  ObsHealth,
  ProcessingStatusEvent,
  RecordingStatus,
  Role,
  ServerToClientEvents,
  StartRecordingRequest,
  StartRecordingResponse,
  StopRecordingResponse,
  SubtitleModel,
  UploadJob,
  UploadJobResponse,
  UploadProgressEvent,
  UploadsResponse,
  UploadState,
} from './api';
