/** Connect Four sounds in the table's sound notation (docs/api.md "Sound"). */
export const SOUNDS = `
sfx move wave=triangle vol=0.25 speed=1 env=0,10,0,2 : e5
sfx drop wave=noise vol=0.45 speed=3 env=0,40,0,10 : c3 . c4@0.4
sfx win  wave=pulse duty=25 vol=0.45 speed=4 arp=3 : c5+e5+g5:4 d5+f5+a5:4 e5+g5+c6:8
`;
