/* fdx-sdl-test: the desktop app with the test machine "sdltest" added. */
#include "fake_machine.h"
#include "fdx_gui.h"

int main(int argc, char **argv)
{
    static const struct fdx_machine_desc *const extra[] = {&fdx_sdltest_machine, NULL};
    return fdx_gui_run(argc, argv, extra);
}
