// The baseline for the TUI's first frame: the smallest bundled Ink app (one box).
import { Box, render, Text } from 'ink';

render(
  <Box borderStyle="round">
    <Text>ready</Text>
  </Box>,
);
