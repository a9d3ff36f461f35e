import { Type } from '@sinclair/typebox';

/** A reconnect made by the page itself (EventSource sends the header on its own reconnects). */
export const DashboardEventsQuery = Type.Object(
  { lastEventId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) },
  { additionalProperties: false },
);

export const DashboardEventsHeaders = Type.Object({
  'last-event-id': Type.Optional(Type.String({ maxLength: 64 })),
});
