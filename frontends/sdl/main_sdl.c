/* fdx-sdl: the desktop app on its own, until the fdx command links it. */
#include "gui.h"

int main(int argc, char **argv)
{
    return fdx_gui_main(argc, argv);
}
