/* On-screen text (see osd.h). */
#include "osd.h"

#include <stdio.h>
#include <string.h>

#include "font.h"

#define MESSAGE_MS 3000

void osd_message(struct osd *o, const char *text, uint64_t now_ms)
{
    /* scroll up: the newest message is at the bottom */
    memmove(&o->msg[0], &o->msg[1], sizeof o->msg[0] * (OSD_MESSAGES - 1));
    snprintf(o->msg[OSD_MESSAGES - 1].text, sizeof o->msg[0].text, "%s", text);
    o->msg[OSD_MESSAGES - 1].until_ms = now_ms + MESSAGE_MS;
}

bool osd_busy(const struct osd *o, uint64_t now_ms)
{
    for (int i = 0; i < OSD_MESSAGES; i++)
        if (o->msg[i].until_ms > now_ms) return true;
    return false;
}

static void flush(struct osd *o, SDL_Renderer *r)
{
    if (o->nrect) SDL_RenderFillRects(r, o->rects, o->nrect);
    o->nrect = 0;
}

static void text(struct osd *o, SDL_Renderer *r, int x, int y, int px, const char *s)
{
    for (; *s; s++, x += (FDX_FONT_W + 1) * px) {
        const unsigned char *g = fdx_font_glyph(*s);
        for (int row = 0; row < FDX_FONT_H; row++)
            for (int col = 0; col < FDX_FONT_W; col++) {
                if (!(g[row] & (0x10 >> col))) continue;
                if (o->nrect == OSD_RECTS) flush(o, r);
                o->rects[o->nrect++] = (SDL_Rect){x + col * px, y + row * px, px, px};
            }
    }
}

/* A line of text on a dark box. */
static void boxed(struct osd *o, SDL_Renderer *r, int x, int y, int px, const char *s, Uint8 cr, Uint8 cg, Uint8 cb)
{
    int w = (int)strlen(s) * (FDX_FONT_W + 1) * px + px, h = (FDX_FONT_H + 2) * px;
    SDL_SetRenderDrawColor(r, 0, 0, 0, 170);
    SDL_RenderFillRect(r, &(SDL_Rect){x - px, y - px, w + px, h});
    SDL_SetRenderDrawColor(r, cr, cg, cb, 255);
    text(o, r, x, y, px, s);
    flush(o, r);
}

void osd_draw(struct osd *o, SDL_Renderer *r, int win_w, int win_h, uint64_t now_ms, const char *status,
              const char *const *help)
{
    int px = win_h / 240;
    if (px < 1) px = 1;
    if (px > 4) px = 4;
    int line = (FDX_FONT_H + 3) * px;
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    if (help) {
        int n = 0, longest = 0;
        for (const char *const *h = help; *h; h++, n++)
            if ((int)strlen(*h) > longest) longest = (int)strlen(*h);
        /* shrink the font rather than cut the help off */
        while (px > 1 && (longest * (FDX_FONT_W + 1) * px > win_w - 8 || n * line > win_h - 8)) {
            px--;
            line = (FDX_FONT_H + 3) * px;
        }
        SDL_SetRenderDrawColor(r, 0, 0, 0, 200);
        SDL_RenderFillRect(r, NULL);
        SDL_SetRenderDrawColor(r, 255, 255, 255, 255);
        int y = 4 * px;
        for (const char *const *h = help; *h; h++, y += line) text(o, r, 4 * px, y, px, *h);
        flush(o, r);
    }
    if (status && *status) {
        int w = (int)strlen(status) * (FDX_FONT_W + 1) * px;
        boxed(o, r, win_w - w - 3 * px, 3 * px, px, status, 255, 220, 80);
    }
    int y = win_h - 3 * px - line;
    for (int i = OSD_MESSAGES - 1; i >= 0; i--) {
        if (o->msg[i].until_ms <= now_ms) continue;
        boxed(o, r, 3 * px, y, px, o->msg[i].text, 255, 255, 255);
        y -= line;
    }
}
