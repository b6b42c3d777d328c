/* Rewind ring (see rewind.h). */
#include "rewind.h"

#include <stdlib.h>

int fdx_rewind_init(struct fdx_rewind *r, size_t slot_size, unsigned slots, size_t max_bytes)
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

void fdx_rewind_free(struct fdx_rewind *r)
{
    free(r->buf);
    r->buf = NULL;
    r->slots = r->count = 0;
}

uint8_t *fdx_rewind_push(struct fdx_rewind *r)
{
    if (!r->buf) return NULL;
    uint8_t *p = r->buf + (size_t)r->head * r->slot_size;
    r->head = (r->head + 1) % r->slots;
    if (r->count < r->slots) r->count++;
    return p;
}

const uint8_t *fdx_rewind_pop(struct fdx_rewind *r)
{
    if (!r->buf || !r->count) return NULL;
    r->head = (r->head + r->slots - 1) % r->slots;
    r->count--;
    return r->buf + (size_t)r->head * r->slot_size;
}

void fdx_rewind_clear(struct fdx_rewind *r)
{
    r->head = r->count = 0;
}
