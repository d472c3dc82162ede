package io.oncallhq.apisecurity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

import java.util.List;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What every service answers for the failures they share, through a service's handler that adds one of its own. */
class ApiProblemsTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new NotesController())
            .setControllerAdvice(new NotesProblems())
            .setValidator(validator())
            .build();

    @Test
    void anInvalidBodyListsEachFieldAtFault() throws Exception {
        problem(mvc.perform(post("/notes").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\" \",\"by\":\"\"}")),
                400, "Bad Request")
                .andExpect(jsonPath("$.detail").value("The request has invalid fields."))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("text", "by")));
    }

    @Test
    void anInvalidParameterIsListedTheSameWay() throws Exception {
        problem(mvc.perform(get("/notes").param("limit", "500")), 400, "Bad Request")
                .andExpect(jsonPath("$.detail").value("The request has invalid fields."))
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
    }

    @Test
    void aServicesOwnFieldCheckHasTheSameShape() throws Exception {
        problem(mvc.perform(post("/notes").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"spam\",\"by\":\"sam\"}")),
                400, "Bad Request")
                .andExpect(jsonPath("$.errors[0].field").value("text"))
                .andExpect(jsonPath("$.errors[0].message").value("is not a note"));
    }

    @Test
    void anUnreadableBodyIsABadRequest() throws Exception {
        problem(mvc.perform(post("/notes").contentType(MediaType.APPLICATION_JSON).content("{\"text\":")), 400, "Bad Request")
                .andExpect(jsonPath("$.detail").value("The request body is not JSON of the expected shape"));
    }

    @Test
    void anUnknownPathMethodMediaTypeOrAcceptIsTitledWithItsStatus() throws Exception {
        problem(mvc.perform(get("/nowhere")), 404, "Not Found");
        problem(mvc.perform(delete("/notes")), 405, "Method Not Allowed");
        problem(mvc.perform(post("/notes").contentType(MediaType.TEXT_PLAIN).content("hello")), 415, "Unsupported Media Type");
        problem(mvc.perform(get("/notes").param("limit", "5").accept(MediaType.APPLICATION_XML)), 406, "Not Acceptable");
    }

    @Test
    void aServicesOwnUnknownIdIsNotFound() throws Exception {
        problem(mvc.perform(get("/notes/n-404")), 404, "Not Found")
                .andExpect(jsonPath("$.detail").value("No note n-404"));
    }

    @Test
    void aChangeThatKeptLosingTheRaceIsAConflict() throws Exception {
        problem(mvc.perform(get("/notes/n-contended")), 409, "Conflict")
                .andExpect(jsonPath("$.detail", containsString("read it again")));
    }

    @Test
    void anythingElseIsAnInternalErrorThatShowsNothingOfIt() throws Exception {
        problem(mvc.perform(get("/notes/n-broken")), 500, "Internal Server Error")
                .andExpect(jsonPath("$.detail").value("The request was not handled"))
                .andExpect(content().string(not(containsString("secret-connection-string"))));
    }

    private static ResultActions problem(ResultActions answer, int status, String title) throws Exception {
        return answer.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").value(title));
    }

    private static LocalValidatorFactoryBean validator() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        return validator;
    }

    record NoteRequest(@NotBlank String text, @NotBlank String by) {
    }

    @RestController
    static class NotesController {

        @PostMapping(path = "/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<Void> add(@Valid @RequestBody NoteRequest note) {
            if (note.text().equals("spam")) {
                throw new NotANoteException();
            }
            return ResponseEntity.accepted().build();
        }

        @GetMapping(path = "/notes", produces = MediaType.APPLICATION_JSON_VALUE)
        String list(@RequestParam @Max(100) int limit) {
            return "[]";
        }

        @GetMapping("/notes/{id}")
        String one(@PathVariable String id) {
            throw switch (id) {
                case "n-contended" -> new OptimisticLockingFailureException("version 3 expected, 4 found");
                case "n-broken" -> new IllegalStateException("no connection to secret-connection-string");
                default -> new NoSuchNoteException(id);
            };
        }
    }

    static class NoSuchNoteException extends RuntimeException {
        NoSuchNoteException(String id) {
            super("No note " + id);
        }
    }

    static class NotANoteException extends RuntimeException {
    }

    /** A service's handler: its own exceptions only. */
    @RestControllerAdvice
    static class NotesProblems extends ApiProblems {

        @ExceptionHandler
        ResponseEntity<Object> noSuchNote(NoSuchNoteException e, WebRequest request) {
            return notFound(e, request);
        }

        @ExceptionHandler
        ResponseEntity<Object> notANote(NotANoteException e, WebRequest request) {
            return invalidFields(e, INVALID_FIELDS, List.of(new FieldProblem("text", "is not a note")), request);
        }
    }
}
