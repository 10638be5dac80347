/** Kinds of scheduled engine events and throttle reasons, in a leaf module so every file can import them without a cycle. */
export const EV_ARRIVAL = 1;
export const EV_INVOKE_END = 2;
export const EV_ENV_TIMER = 3;
export const EV_CLIENT_RETRY = 4;
export const EV_ASYNC_DISPATCH = 5;
export const EV_SQS_VISIBLE = 6;
export const EV_SQS_WINDOW = 7;
export const EV_SQS_WAKE = 8;
export const EV_SQS_SCALE = 9;
export const EV_STREAM_POLL = 10;
export const EV_ALIAS_SHIFT = 11;
export const EV_ALARM_TICK = 12;

export const R_RESERVED = 'ReservedFunctionConcurrentInvocationLimitExceeded';
export const R_ACCOUNT = 'ConcurrentInvocationLimitExceeded';
/** Simulator label (AWS does not document a Reason value for the per-function scaling rate). */
export const R_SCALING = 'ScalingRateExceeded';
