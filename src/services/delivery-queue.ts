import type {
  Delivery,
  DeliveryList,
  DeliveryPayload,
  DeliveryRecipient,
  DeliveryState,
  DeliveryView,
} from '../contracts/deliveries.js';
import { AppError } from '../domain/errors.js';

/** A delivery as stored, with the ETag a conditional write must send back. */
export interface StoredDelivery {
  readonly value: Delivery;
  readonly etag: string;
}

/** What the queue needs from the `deliveries` store. */
export interface DeliveryStore {
  enqueue(item: Delivery): Promise<{ created: boolean }>;
  get(tenantId: string, id: string): Promise<StoredDelivery | undefined>;
  /** Replaces the item if `etag` still matches; `precondition-failed` otherwise. */
  replace(item: Delivery, etag: string): Promise<StoredDelivery>;
  list(
    tenantId: string,
    state: DeliveryState,
    continuationToken?: string,
  ): Promise<{ readonly items: readonly StoredDelivery[]; readonly continuationToken?: string }>;
}

export interface EnqueueInput {
  readonly tenantId: string;
  /** Deterministic (`lesson:<userId>:<lessonId>`, `notice:<topic>:<key>`): a rerun adds nothing. */
  readonly id: string;
  readonly recipient: DeliveryRecipient;
  readonly payload: DeliveryPayload;
  /** Not before this time (a person's lesson day); now when absent. */
  readonly notBefore?: Date | undefined;
}

export function toDeliveryView(stored: StoredDelivery): DeliveryView {
  const {
    tenantId: _tenantId,
    pk: _pk,
    type: _type,
    leaseOwner: _leaseOwner,
    ...view
  } = stored.value;
  return { ...view, etag: stored.etag };
}

/**
 * The producer and admin side of the proactive delivery queue: enqueue idempotently, list what is
 * queued, sent or dead, and give a dead item another go. Workers (`DeliveryWorker`) do the sending.
 */
export class DeliveryQueue {
  constructor(private readonly store: DeliveryStore) {}

  async enqueue(input: EnqueueInput, now: Date): Promise<{ created: boolean }> {
    const at = now.toISOString();
    return this.store.enqueue({
      id: input.id,
      tenantId: input.tenantId,
      pk: input.tenantId,
      type: 'delivery',
      state: 'queued',
      recipient: input.recipient,
      payload: input.payload,
      attempts: 0,
      availableAt: (input.notBefore ?? now).toISOString(),
      createdAt: at,
      updatedAt: at,
    });
  }

  async list(
    tenantId: string,
    state: DeliveryState,
    continuationToken?: string,
  ): Promise<DeliveryList> {
    const page = await this.store.list(tenantId, state, continuationToken);
    const items = page.items.map(toDeliveryView);
    return page.continuationToken === undefined
      ? { items }
      : { items, continuationToken: page.continuationToken };
  }

  /**
   * Requeues a dead item with a fresh count of attempts. `etag` is the one the admin saw: if the
   * item changed since, nothing happens and the latest version comes back in the error.
   */
  async retry(tenantId: string, id: string, etag: string, now: Date): Promise<DeliveryView> {
    const stored = await this.store.get(tenantId, id);
    if (stored === undefined) throw new AppError('not-found', `Delivery ${id} was not found`);
    if (stored.etag !== etag) {
      throw new AppError('precondition-failed', `Delivery ${id} was changed by someone else`, {
        current: { value: toDeliveryView(stored), etag: stored.etag },
      });
    }
    if (stored.value.state !== 'dead') {
      throw new AppError('conflict', `Delivery ${id} is ${stored.value.state}, not dead`);
    }
    const { deadAt: _deadAt, leaseOwner: _leaseOwner, ...rest } = stored.value;
    const requeued = await this.store.replace(
      {
        ...rest,
        state: 'queued',
        attempts: 0,
        availableAt: now.toISOString(),
        updatedAt: now.toISOString(),
      },
      etag,
    );
    return toDeliveryView(requeued);
  }
}
