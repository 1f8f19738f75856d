module.exports = require('../../jest.preset').projectJestConfig(__dirname, 'caseload');
