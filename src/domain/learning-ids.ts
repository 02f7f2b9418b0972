/**
 * Deterministic ids of learning documents. They make writes idempotent: a second completion of a
 * lesson, a second attendance or a second enqueue of the same lesson finds the first and does
 * nothing.
 */

export function learnerProfileId(userId: string): string {
  return `learner:${userId}`;
}

/** A person's own partition in `activity`: their completions, whenever they happen. */
export function learnerPartitionKey(tenantId: string, userId: string): string {
  return `${tenantId}:learner:${userId}`;
}

export function lessonCompletionId(lessonId: string): string {
  return `lesson:${lessonId}`;
}

/** The weekly lesson to one person: enqueued once, however often the scheduler runs. */
export function lessonDeliveryId(userId: string, lessonId: string): string {
  return `lesson:${userId}:${lessonId}`;
}

export function practiceAttendanceId(sessionId: string, userId: string): string {
  return `attend:${sessionId}:${userId}`;
}

/**
 * Conversation ids of Teams chats run to hundreds of characters with `:`, `@` and `;`; a short
 * stable key of them keeps document ids readable and within limits.
 */
export function conversationKey(conversationId: string): string {
  // FNV-1a, 2 × 32 bits: stable across processes, no crypto needed for a key.
  let first = 0x811c9dc5;
  let second = 0x01000193;
  for (let index = 0; index < conversationId.length; index += 1) {
    const code = conversationId.charCodeAt(index);
    first = Math.imul(first ^ code, 0x01000193) >>> 0;
    second = Math.imul(second ^ code, 0x811c9dc5) >>> 0;
  }
  return `${first.toString(36)}${second.toString(36)}`;
}

export function practiceSessionId(conversationId: string, week: string): string {
  return `practice:${conversationKey(conversationId)}:${week}`;
}

export function practiceScheduleId(conversationId: string): string {
  return `practice-schedule:${conversationKey(conversationId)}`;
}
