// Placeholder entry until the command router lands.
process.stdout.write('lsec\n');
