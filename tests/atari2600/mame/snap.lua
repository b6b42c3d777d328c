-- MAME autoboot script for regen.sh: after frame $SNAP_FRAME of the a2600
-- driver, writes the picture to $SNAP_OUT as a 16-bit PGM of TIA colour
-- register values (palette index * 2), so it can be compared with fdx
-- whatever the palette.
-- MAME shows where two frames in a row differ the average of both colours
-- (pen 128 + 128 * a + b, a frame-blending against flicker), so a pixel is
-- stored as A * 256 + B: the colours of this frame and the one before, in
-- an order MAME does not tell (A = B where both frames agree).
-- MAME's screen is 176 pixels wide: 8 columns of blank either side of the
-- TIA's 160; only those 160 are written.
local target = tonumber(os.getenv("SNAP_FRAME"))
local out = os.getenv("SNAP_OUT")
local screen = manager.machine.screens[":screen"]
local pal
for _, p in pairs(manager.machine.palettes) do pal = p end
local pen = {}
for i = pal.entries - 1, 0, -1 do pen[pal:pen_color(i) & 0xffffff] = i end
local done = false
emu.register_frame_done(function()
  if done or screen:frame_number() < target then return end
  done = true
  local px, w, h = screen:pixels()
  local rows = {}
  for y = 0, h - 1 do
    local row = {}
    for x = 8, w - 9 do
      local c = string.unpack("<I4", px, (y * w + x) * 4 + 1) & 0xffffff
      local i = pen[c]
      if i == nil then error(string.format("colour %06x at %d,%d is not in the palette", c, x, y)) end
      local a, b = i, i
      if i >= 128 then a, b = (i - 128) // 128, (i - 128) % 128 end
      row[#row + 1] = string.char(a * 2, b * 2)
    end
    rows[#rows + 1] = table.concat(row)
  end
  local f = assert(io.open(out .. ".tmp", "wb"))
  f:write(string.format("P5\n%d %d\n65535\n", w - 16, h), table.concat(rows))
  f:close()
  assert(os.rename(out .. ".tmp", out))
end)
