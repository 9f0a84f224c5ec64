/** Flappy sounds in the table's sound notation (docs/api.md "Sound"). */
export const SOUNDS = `
sfx flap  wave=triangle vol=0.45 speed=2 env=0,40,0,5 : c5>g5:3
sfx score wave=square vol=0.35 speed=3 : e6 a6:3
sfx crash wave=noise vol=0.6 speed=4 env=0,0,1,150 : c5>c2:6
`;
