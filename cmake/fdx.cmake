# Helpers that let each CPU, machine and test folder add itself to the build
# without editing a central list.

# Sources compiled into libfdx.
function(fdx_library_sources)
  foreach(src ${ARGN})
    get_filename_component(abs ${src} ABSOLUTE)
    set_property(GLOBAL APPEND PROPERTY FDX_LIB_SOURCES ${abs})
  endforeach()
endfunction()

# A machine description (a `const struct fdx_machine_desc` symbol) for the registry.
function(fdx_register_machine symbol)
  set_property(GLOBAL APPEND PROPERTY FDX_MACHINES ${symbol})
endfunction()

# Sources compiled into the fdx command only (they may use cJSON and zlib).
function(fdx_cli_sources)
  foreach(src ${ARGN})
    get_filename_component(abs ${src} ABSOLUTE)
    set_property(GLOBAL APPEND PROPERTY FDX_CLI_SOURCES ${abs})
  endforeach()
endfunction()

# A SingleStepTests runner (a `const struct fdx_sst_runner` symbol) for `fdx sst`.
function(fdx_register_sst symbol)
  set_property(GLOBAL APPEND PROPERTY FDX_SST_RUNNERS ${symbol})
endfunction()
