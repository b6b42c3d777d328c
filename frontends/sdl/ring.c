/* Rewind ring (see ring.h). */
#include "ring.h"

#include <stdlib.h>

int fdx_ring_init(struct fdx_ring *r, size_t slot_size, unsigned slots, size_t max_bytes)
{
    r->buf = NULL;
    r->slot_size = slot_size;
    r->head = r->count = 0;
    if (!slot_size) return -1;
    if (slots > max_bytes / slot_size) slots = (unsigned)(max_bytes / slot_size);
    r->slots = slots;
    if (slots < 2) return -1;
    r->buf = malloc(slot_size * slots);
    return r->buf ? 0 : -1;
}

void fdx_ring_free(struct fdx_ring *r)
{
    free(r->buf);
    r->buf = NULL;
    r->slots = r->count = 0;
}

uint8_t *fdx_ring_push(struct fdx_ring *r)
{
    if (!r->buf) return NULL;
    uint8_t *p = r->buf + (size_t)r->head * r->slot_size;
    r->head = (r->head + 1) % r->slots;
    if (r->count < r->slots) r->count++;
    return p;
}

const uint8_t *fdx_ring_pop(struct fdx_ring *r)
{
    if (!r->buf || !r->count) return NULL;
    r->head = (r->head + r->slots - 1) % r->slots;
    r->count--;
    return r->buf + (size_t)r->head * r->slot_size;
}

void fdx_ring_clear(struct fdx_ring *r)
{
    r->head = r->count = 0;
}
