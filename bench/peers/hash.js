// Insert 200,000 string keys "k0".."k199999" (built by concatenating "k"
// and the integer) with value i into a Map, then build each key again,
// look it up and sum the values; prints 19999900000.
const h = new Map();
let i = 0;
do {
  const k = "k" + String(i);
  h.set(k, i);
  i = i + 1;
} while (i < 200000);
i = 0;
let sum = 0;
do {
  const k = "k" + String(i);
  sum = sum + h.get(k);
  i = i + 1;
} while (i < 200000);
console.log(sum);
