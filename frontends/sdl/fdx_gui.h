/* The fdx desktop app (SDL2). The only code of fdx that calls SDL lives in
 * this folder. */
#ifndef FDX_SDL_GUI_H
#define FDX_SDL_GUI_H

#include "fdx/fdx.h"

/* `fdx [MACHINE] [MEDIA...] [OPTIONS]`: opens a window, or runs headless
 * when there is no display or --headless is given. Returns the exit code. */
int fdx_gui_main(int argc, char **argv);
/* The same with extra machines (tests add their own), searched first;
 * extra is NULL-terminated and may be NULL. */
int fdx_gui_run(int argc, char **argv, const struct fdx_machine_desc *const *extra);
/* The app's option summary for --help. */
void fdx_gui_usage(void);

#endif
