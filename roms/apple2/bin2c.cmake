# Turns a binary file into a C array (the generated firmware files in gen/).
#   include(bin2c.cmake) then a2_bin2c(IN OUT NAME LIMIT), or by hand:
#   cmake -DIN=file.bin -DOUT=gen/name.c -DNAME=name [-DLIMIT=n] -P bin2c.cmake
function(a2_bin2c in out name limit)
  if(limit)
    file(READ ${in} hex LIMIT ${limit} HEX)
  else()
    file(READ ${in} hex HEX)
  endif()
  string(LENGTH "${hex}" len)
  math(EXPR size "${len} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(REPEAT "0x..," 16 row)
  string(REGEX REPLACE "(${row})" "\\1\n    " bytes "${bytes}")
  get_filename_component(src ${in} NAME)
  file(WRITE ${out}.tmp "/* Generated from ${src} by roms/apple2/bin2c.cmake: do not edit. */\n"
    "#include <stdint.h>\n"
    "const uint8_t ${name}[${size}] = {\n    ${bytes}\n};\n")
  # only touch the file when it changes, so builds stay incremental
  execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${out}.tmp ${out})
  file(REMOVE ${out}.tmp)
endfunction()

if(CMAKE_SCRIPT_MODE_FILE AND IN AND OUT AND NAME)
  if(NOT LIMIT)
    set(LIMIT 0)
  endif()
  a2_bin2c(${IN} ${OUT} ${NAME} ${LIMIT})
endif()
