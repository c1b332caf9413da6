import pino from "pino";
import { serializeError } from "./log-errors";
import { requestContext } from "./request/request-context";

/** Structured JSON logs; the level comes from LOG_LEVEL (read directly so logging works before env() is valid). */
export const loggerOptions: pino.LoggerOptions = {
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: process.env.GUICHET_PROCESS ?? "web" },
  redact: ["password", "*.password", "token", "*.token", "headers.authorization", "headers.cookie"],
  serializers: { err: serializeError },
  // Every line logged while serving an /api request carries its id, as do its audit rows and its answer.
  mixin: () => {
    const requestId = requestContext()?.requestId;
    return requestId ? { requestId } : {};
  },
};

export const logger = pino(loggerOptions);
