const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];
let cvrSerial = 0;

/**
 * A CVR number passing the modulus-11 check, never issued before in this process: seven digits
 * from a counter, and the eighth (weight 1) makes the weighted sum divisible by 11. Counters
 * whose check digit would be 10 are skipped, as the register skips them.
 */
export function uniqueCvr(): string {
  for (;;) {
    cvrSerial += 1;
    const first7 = String(2_000_000 + cvrSerial).padStart(7, '0');
    const sum = [...first7].reduce((total, digit, index) => total + CVR_WEIGHTS[index] * Number(digit), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check < 10) return `${first7}${check}`;
  }
}
