/* On-screen text: brief messages at the bottom, a status word at the top
 * right, and the F1 help overlay, drawn with the built-in 5x7 font. */
#ifndef FDX_SDL_OSD_H
#define FDX_SDL_OSD_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#define OSD_MESSAGES 4
#define OSD_RECTS 2048

struct osd {
    struct {
        char text[200];
        uint64_t until_ms;
    } msg[OSD_MESSAGES];
    SDL_Rect rects[OSD_RECTS];
    int nrect;
};

/* Shows text for a few seconds (the caller also logs it to stderr). */
void osd_message(struct osd *o, const char *text, uint64_t now_ms);
/* true while something is shown that would change the picture. */
bool osd_busy(const struct osd *o, uint64_t now_ms);
/* Draws messages, the status word (may be NULL) and, if help is not NULL,
 * the help lines (NULL-terminated). */
void osd_draw(struct osd *o, SDL_Renderer *r, int win_w, int win_h, uint64_t now_ms, const char *status,
              const char *const *help);

#endif
