/** Minesweeper sounds in the table's sound notation (docs/api.md "Sound"). */
export const SOUNDS = `
sfx reveal wave=triangle vol=0.4 speed=2 env=0,30,0,5 : c6 g6
sfx flag   wave=pulse duty=25 vol=0.3 speed=2 : g5 c6
sfx boom   wave=noise vol=0.7 speed=6 env=0,0,1,400 : c4>c1:12
sfx win    wave=square vol=0.4 speed=4 : c5 e5 g5 c6 . g5 c6:4
`;
