// mops_intval loop shape: 100 million iterations of a subtract and a test.
// Prints the final counter (0).
function main() {
  const i3 = 1;
  let i4 = 100000000;
  do {
    i4 = i4 - i3;
  } while (i4);
  console.log(i4);
}

main();
